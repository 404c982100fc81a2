"""A clone written with the class's own name (`def clone(self): return Note(self.fraction)`,
`return Sharp()` for a class keeping nothing), through `agentls patterns` run as a
subprocess: a prototype. Near miss: a method answering a new, empty instance of a class that
keeps state (`Stack()` from a stack holding items), another object, not a copy."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

NOTES = """\
class Note:
    def __init__(self, fraction: int) -> None:
        self.fraction = fraction

    def clone(self) -> "Note":
        return Note(self.fraction)


class Sharp:
    def clone(self) -> "Sharp":
        return Sharp()
"""

STACK = """\
class Stack:
    def __init__(self) -> None:
        self.items: list[int] = []

    def push(self, item: int) -> None:
        self.items.append(item)

    def emptied(self) -> "Stack":
        return Stack()
"""


def _prototypes(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/main.py": text})
    return {str(r["symbol"]): str(r["role"]) for r in patterns_rows(tmp_path, "app") if r["pattern"] == "prototype"}


def test_a_clone_naming_its_class_with_all_its_state_is_a_prototype(tmp_path: Path) -> None:
    found = _prototypes(tmp_path, NOTES)
    assert found.get("Note") == "prototype" and found.get("Sharp") == "prototype"


def test_a_new_empty_instance_of_a_class_with_state_is_no_copy(tmp_path: Path) -> None:
    assert "Stack" not in _prototypes(tmp_path, STACK)
