"""Subclasses of an iterator that inherit its traversal (each only ordering the list the base
walks) are iterators too; beside them, subclasses of an iterator *interface* whose `__next__`
is only declared inherit no traversal. Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

WALKERS = """\
class Walker:
    def __init__(self, names: list[str]) -> None:
        self.names = self.order(names)
        self.index = 0

    def order(self, names: list[str]) -> list[str]:
        return list(names)

    def next(self) -> str:
        name = self.names[self.index]
        self.index += 1
        return name

    def has_more(self) -> bool:
        return self.index < len(self.names)


class Sorted(Walker):
    def order(self, names: list[str]) -> list[str]:
        return sorted(names)


class Backwards(Walker):
    def order(self, names: list[str]) -> list[str]:
        return names[::-1]
"""

DECLARED = """\
from abc import ABC, abstractmethod


class Cursor(ABC):
    @abstractmethod
    def __next__(self) -> str: ...


class Labelled(Cursor):
    def label(self) -> str:
        return "cursor"
"""


def test_subclasses_inheriting_the_traversal_are_iterators(tmp_path: Path) -> None:
    write_tree(tmp_path, {"walk.py": WALKERS})
    roles = roles_of(patterns_rows(tmp_path), "iterator")
    assert roles.get("Walker") == "iterator"
    assert roles.get("Sorted") == roles.get("Backwards") == "iterator"


def test_a_declared_next_is_no_traversal_to_inherit(tmp_path: Path) -> None:
    write_tree(tmp_path, {"cursor.py": DECLARED})
    assert "Labelled" not in roles_of(patterns_rows(tmp_path), "iterator")
