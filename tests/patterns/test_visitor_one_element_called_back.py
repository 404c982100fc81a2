"""A visitor over one element class: `House.accept(visitor)` calls `visitor.visit(self)`, and
each visitor class answers by calling the house back with a method of its own
(`Electrician.visit(house)` calling `house.rewire(self)`, `Plumber.visit(house)` calling
`house.fix_pipes(self)`): double dispatch, through `agentls patterns` run as a subprocess.
The near miss: visitors all calling the element back with the same method are one callback
handed around, no operation per visitor class."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

HOUSE = """\
from abc import ABC, abstractmethod


class House:
    def accept(self, visitor):
        visitor.visit(self)

    def rewire(self, who):
        print("rewired by", who)

    def fix_pipes(self, who):
        print("pipes fixed by", who)


class Worker(ABC):
    @abstractmethod
    def visit(self, house):
        pass


class Electrician(Worker):
    def visit(self, house):
        house.rewire(self)


class Plumber(Worker):
    def visit(self, house):
        house.PLUMBING(self)
"""


def _roles(tmp_path: Path, plumbing: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/house.py": HOUSE.replace("PLUMBING", plumbing)})
    return roles_of(patterns_rows(tmp_path, "app"), "visitor")


def test_visitors_calling_the_one_element_back_each_their_own_way(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "fix_pipes")
    assert roles == {
        "House": "element",
        "Worker": "visitor",
        "Electrician": "concrete_visitor",
        "Plumber": "concrete_visitor",
    }


def test_visitors_calling_the_element_back_the_same_way_are_no_visitors(tmp_path: Path) -> None:
    assert _roles(tmp_path, "rewire") == {}
