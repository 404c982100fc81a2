"""A tree node keeping children of its own kind (`add(self, part: Part)`, `child(i)`) is no
repository at any confidence, through `agentls patterns` run as a subprocess, beside the near miss of a shelf
keeping objects of another class by their own key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.patterns.cli import patterns_rows, write_tree

TREE = """\
from typing import Protocol


class Part(Protocol):
    def weight(self) -> int: ...


class Bolt(Part):
    def weight(self) -> int:
        return 1


class Assembly(Part):
    def __init__(self) -> None:
        self._parts: list[Part] = []

    def add(self, part: Part) -> None:
        self._parts.append(part)

    def child(self, index: int) -> Part:
        return self._parts[index]

    def weight(self) -> int:
        return sum(p.weight() for p in self._parts)
"""

SHELF = """\
class Book:
    def __init__(self, isbn: str, title: str) -> None:
        self.isbn = isbn
        self.title = title


class Shelf:
    def __init__(self) -> None:
        self._books: dict[str, Book] = {}

    def add(self, book: Book) -> None:
        self._books[book.isbn] = book

    def get(self, isbn: str) -> Book:
        return self._books[isbn]
"""


def _rows(tmp_path: Path, files: dict[str, str]) -> dict[tuple[str, str], dict[str, Any]]:
    write_tree(tmp_path, {f"app/{name}": text for name, text in files.items()})
    rows = patterns_rows(tmp_path, "app", "--min-confidence", "0")
    return {(str(r["symbol"]), str(r["pattern"])): r for r in rows}


def test_an_assembly_keeping_parts_of_its_own_kind(tmp_path: Path) -> None:
    rows = _rows(tmp_path, {"tree.py": TREE})
    assert rows[("Assembly", "composite")]["role"] == "composite"
    assert not [key for key in rows if key[1] == "repository"]


def test_a_shelf_keeping_books_by_their_key(tmp_path: Path) -> None:
    rows = _rows(tmp_path, {"shelf.py": SHELF})
    assert rows[("Shelf", "repository")]["role"] == "repository"
