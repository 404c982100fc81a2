"""A plain base keeping the successor (`self._successor = successor`) and declaring the handling
method as a stub (`def approve(self, amount): pass`) is the chain's handler interface, written
as a class with state: it is the `handler` and the links passing requests on below it are
`concrete_handler`s. A base whose method does work of its own declares nothing, and is left
out. Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

APPROVERS = """\
class Approver:
    def __init__(self, successor=None):
        self._successor = successor

    def approve(self, amount):
        {base_body}


class TeamLead(Approver):
    def approve(self, amount):
        if amount < 1000:
            return "team lead"
        elif self._successor:
            return self._successor.approve(amount)
        return None


class Director(Approver):
    def approve(self, amount):
        if amount < 10000:
            return "director"
        elif self._successor:
            return self._successor.approve(amount)
        return None
"""


def test_a_stub_base_keeping_the_successor_is_the_handler(tmp_path: Path) -> None:
    write_tree(tmp_path, {"approvers.py": APPROVERS.format(base_body="pass")})
    roles = roles_of(patterns_rows(tmp_path), "chain_of_responsibility")
    assert roles == {"Approver": "handler", "TeamLead": "concrete_handler", "Director": "concrete_handler"}


def test_a_base_doing_work_of_its_own_declares_nothing(tmp_path: Path) -> None:
    write_tree(tmp_path, {"approvers.py": APPROVERS.format(base_body='print("no one approves", amount)')})
    roles = roles_of(patterns_rows(tmp_path), "chain_of_responsibility")
    assert "Approver" not in roles
    assert roles == {"TeamLead": "handler", "Director": "handler"}
