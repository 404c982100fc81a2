"""An in-memory repository may find what it keeps with a generator filtering its list
(`next((o for o in self._items if o.id == id), None)`) instead of a `for` loop: the first
match it hands back is the stored object. Beside the near miss: a tree node finding one of its
children of its own kind the same way is no repository. Through `agentls patterns` run as a
subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

KEPT = """\
class Ticket:
    def __init__(self, code: str, seat: int) -> None:
        self.code = code
        self.seat = seat


class TicketBook:
    def __init__(self) -> None:
        self._tickets: list[Ticket] = []

    def add(self, ticket: Ticket) -> None:
        self._tickets.append(ticket)

    def by_code(self, code: str) -> Ticket | None:
        return next((t for t in self._tickets if t.code == code), None)
"""

TREE = """\
class Node:
    def __init__(self, name: str) -> None:
        self.name = name
        self._children: list[Node] = []

    def add(self, child: Node) -> None:
        self._children.append(child)

    def child(self, name: str) -> Node | None:
        return next((c for c in self._children if c.name == name), None)
"""


def _roles(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/store.py": text})
    return roles_of(patterns_rows(tmp_path, "app", "--min-confidence", "0"), "repository")


def test_a_list_searched_by_a_generator_is_a_repository(tmp_path: Path) -> None:
    assert _roles(tmp_path, KEPT) == {"TicketBook": "repository"}


def test_a_node_searching_its_children_is_none(tmp_path: Path) -> None:
    assert _roles(tmp_path, TREE) == {}
