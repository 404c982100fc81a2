"""The explicit (Java-style) iterator over a cursor rather than an index: `next()` answers
the current node's value and moves the cursor on from its own value (`self.node =
self.node.next`), `has_next()` reads it; the class handing one out is the aggregate, through
`agentls patterns` run as a subprocess; beside its near miss: the same pair where the
answering method only rewinds the cursor to the head (`self.node = self.head`), which moves
nothing on."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

SOURCE = """\
class Node:
    def __init__(self, value, following=None):
        self.value = value
        self.next = following


class Walker:
    def __init__(self, head):
        self.head = head
        self.node = head

    def has_next(self):
        return self.node is not None

    def next(self):
        value = self.node.value
        self.node = {step}
        return value


class Chain:
    def __init__(self, head):
        self.head = head

    def walker(self):
        return Walker(self.head)
"""


def _roles(tmp_path: Path, step: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/chain.py": SOURCE.format(step=step)})
    return roles_of(patterns_rows(tmp_path, "app"), "iterator")


def test_cursor_moved_on_from_its_own_value(tmp_path: Path) -> None:
    assert _roles(tmp_path, "self.node.next") == {"Walker": "iterator", "Chain": "aggregate"}


def test_cursor_rewound_to_the_head_moves_nothing_on(tmp_path: Path) -> None:
    assert _roles(tmp_path, "self.head") == {}
