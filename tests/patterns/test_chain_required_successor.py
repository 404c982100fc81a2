"""A chain whose links each require their successor (`Small(successor)`, no `None` default,
no check, no setter) and end at a handler of the same interface keeping none (`Refuse`),
through `agentls patterns` run as a subprocess: the interface is the handler, both links and
the end concrete handlers. The near miss: one class passing the call on, behind a decision, to
the object it requires, beside one answering it itself: a protection proxy in front of its
real subject, no chain with an end."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

CHAIN = """\
from abc import ABC, abstractmethod


class Approver(ABC):
    @abstractmethod
    def approve(self, amount: int) -> str: ...


class Clerk(Approver):
    def __init__(self, successor: Approver) -> None:
        self.successor = successor

    def approve(self, amount: int) -> str:
        if amount < 100:
            return "clerk"
        return self.successor.approve(amount)


class Manager(Approver):
    def __init__(self, successor: Approver) -> None:
        self.successor = successor

    def approve(self, amount: int) -> str:
        if amount < 1000:
            return "manager"
        return self.successor.approve(amount)


class Refuse(Approver):
    def approve(self, amount: int) -> str:
        return "refused"


def main() -> None:
    chain = Clerk(Manager(Refuse()))
    print(chain.approve(500))
"""

PROXY = """\
from abc import ABC, abstractmethod


class Approver(ABC):
    @abstractmethod
    def approve(self, amount: int) -> str: ...


class Guard(Approver):
    def __init__(self, inner: Approver) -> None:
        self.inner = inner

    def approve(self, amount: int) -> str:
        if amount < 0:
            return "invalid"
        return self.inner.approve(amount)


class Desk(Approver):
    def approve(self, amount: int) -> str:
        return "approved"


def main() -> None:
    print(Guard(Desk()).approve(5))
"""


def _chain_roles(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"approvals.py": text})
    return roles_of(patterns_rows(tmp_path, "."), "chain_of_responsibility")


def test_links_requiring_their_successor_with_an_end_are_a_chain(tmp_path: Path) -> None:
    roles = _chain_roles(tmp_path, CHAIN)
    assert roles == {
        "Approver": "handler",
        "Clerk": "concrete_handler",
        "Manager": "concrete_handler",
        "Refuse": "concrete_handler",
    }


def test_near_miss_one_guard_before_its_subject_is_no_chain(tmp_path: Path) -> None:
    assert _chain_roles(tmp_path, PROXY) == {}
