"""A menu whose `__str__` joins `str(child)` over the children its `add` collects (the
builtin runs each child's `__str__`), through `agentls patterns` run as a subprocess: a
composite, its base the component, the item its leaf. The near miss, one change away: the same
`__str__` over operands only its constructor takes (an expression printing its parts) is no
composite."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

SHELF = """\
class Entry:
    def add(self, entry):
        raise NotImplementedError()

    def __str__(self):
        raise NotImplementedError()


class Book(Entry):
    def __init__(self, title):
        self.title = title

    def __str__(self):
        return self.title


class Shelf(Entry):
    def __init__(self, label):
        self.label = label
        self.entries = []

    def add(self, entry):
        self.entries.append(entry)

    def __str__(self):
        return self.label + ": " + ", ".join([str(entry) for entry in self.entries])


if __name__ == "__main__":
    shelf = Shelf("novels")
    shelf.add(Book("Emma"))
    print(shelf)
"""

TAKEN = SHELF.replace(
    "    def __init__(self, label):\n        self.label = label\n        self.entries = []",
    "    def __init__(self, label, *entries):\n        self.label = label\n        self.entries = list(entries)",
).replace("    def add(self, entry):\n        self.entries.append(entry)\n\n", "")


def _composite(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"library/__init__.py": "", "library/shelves.py": text})
    return roles_of(patterns_rows(tmp_path, "library"), "composite")


def test_str_of_each_added_child_is_a_walk(tmp_path: Path) -> None:
    found = _composite(tmp_path, SHELF)
    assert found.get("Shelf") == "composite"
    assert found.get("Entry") == "component" and found.get("Book") == "leaf"


def test_str_of_operands_the_constructor_took_is_none(tmp_path: Path) -> None:
    assert "list(entries)" in TAKEN and "self.entries.append" not in TAKEN
    assert "Shelf" not in _composite(tmp_path, TAKEN)
