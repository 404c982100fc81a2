"""A base whose `bool` method sits beside another abstract method its subclasses carry out (a
hand-written iterator's `has_next() -> bool` beside `next()`), through `agentls patterns` run
as a subprocess: the predicate is one step of the iterator, not a business rule, so there is no
Specification. The near miss, one change away: the same base declaring the predicate alone,
evaluated by a client on a parameter typed as the base, is a specification."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

CURSORS = """\
from abc import ABC, abstractmethod


class Cursor(ABC):
    @abstractmethod
    def has_next(self) -> bool: ...

    @abstractmethod
    def next(self) -> str: ...


class ListCursor(Cursor):
    def __init__(self, items: list[str]) -> None:
        self.items = items
        self.at = 0

    def has_next(self) -> bool:
        return self.at < len(self.items)

    def next(self) -> str:
        self.at += 1
        return self.items[self.at - 1]


class ReverseCursor(Cursor):
    def __init__(self, items: list[str]) -> None:
        self.items = items
        self.at = len(items)

    def has_next(self) -> bool:
        return self.at > 0

    def next(self) -> str:
        self.at -= 1
        return self.items[self.at]


def show(cursor: Cursor) -> None:
    while cursor.has_next():
        print(cursor.next())
"""

RULES = (
    CURSORS.replace("\n    @abstractmethod\n    def next(self) -> str: ...\n", "")
    .replace("\n    def next(self) -> str:\n        self.at += 1\n        return self.items[self.at - 1]\n", "")
    .replace("\n    def next(self) -> str:\n        self.at -= 1\n        return self.items[self.at]\n", "")
    .replace("while cursor.has_next():\n        print(cursor.next())", 'if cursor.has_next():\n        print("more")')
)


def _specification(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"walk/__init__.py": "", "walk/cursors.py": text})
    return roles_of(patterns_rows(tmp_path, "walk"), "specification")


def test_an_iterators_has_next_is_no_business_rule(tmp_path: Path) -> None:
    assert _specification(tmp_path, CURSORS) == {}


def test_the_predicate_alone_is_a_specification(tmp_path: Path) -> None:
    found = _specification(tmp_path, RULES)
    assert found.get("Cursor") == "specification"
    assert found.get("ListCursor") == "concrete_specification"
