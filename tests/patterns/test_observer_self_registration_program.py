"""One program per folder: a list whose loop calls the very method it is in (`show` calling
`show` on each kept part) is a composite's recursion unless observers subscribe themselves
(`board.join(self)`). An examples repository's other folder, whose listener joins its own
board, says nothing of this folder's `Shelf.join`: through `agentls patterns` run as a
subprocess, the shelf analysed with the whole repository is no subject. The look-alike: the
class joining itself sits in the shelf's own folder, and the shelf stays a subject."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

SHELF = """\
class Item:
    def show(self, lamp):
        pass


class Book(Item):
    def show(self, lamp):
        lamp.light("book")


class Shelf:
    def __init__(self):
        self.items = []

    def join(self, item):
        self.items.append(item)

    def leave(self, item):
        self.items.remove(item)

    def show(self, lamp):
        for item in self.items:
            item.show(lamp)
"""

JOINER = """\
class Reader:
    def __init__(self, shelf):
        self._shelf = shelf
        self._shelf.join(self)

    def show(self, lamp):
        print("reader sees", lamp)
"""

BOARD = """\
class Board:
    def __init__(self):
        self._members = []

    def join(self, member):
        self._members.append(member)

    def tell(self):
        for member in self._members:
            member.hear()


class Member:
    def __init__(self, board):
        board.join(self)

    def hear(self):
        print("heard")
"""


def test_a_self_joining_class_of_another_folder_makes_no_subject(tmp_path: Path) -> None:
    write_tree(tmp_path, {"examples/shelf/main.py": SHELF, "examples/board/main.py": BOARD})
    rows = patterns_rows(tmp_path, "examples")
    assert "Shelf" not in roles_of([r for r in rows if "shelf" in str(r["path"])], "observer")
    assert roles_of(rows, "observer").get("Board") == "subject"


def test_a_self_joining_class_of_the_same_folder_keeps_the_subject(tmp_path: Path) -> None:
    write_tree(tmp_path, {"examples/shelf/main.py": SHELF, "examples/shelf/reader.py": JOINER})
    rows = patterns_rows(tmp_path, "examples")
    assert roles_of(rows, "observer").get("Shelf") == "subject"
