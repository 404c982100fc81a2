"""A port declaring a collection's vocabulary with its types left loose (`add(entry)`,
`remove(entry)`, `get_child(i)`; its implementation declares them `Entry`), whose
implementation walks what it keeps calling the port's own method on each (`for entry in
self.entries: entry.show()`), through `agentls patterns` run as a subprocess: the objects it
stores are of its own kind, a tree's children, so it is no repository port. The near miss: the same port
whose implementation keeps records of another class (`entry: Record`) and never calls the port
on them is still read as a persistence port."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

CATALOGUE = """\
class Entry:
    def add(self, entry):
        raise NotImplementedError()

    def remove(self, entry):
        raise NotImplementedError()

    def get_child(self, i):
        raise NotImplementedError()

    def show(self):
        raise NotImplementedError()

    def get_name(self):
        raise NotImplementedError()

    def get_note(self):
        raise NotImplementedError()

    def get_size(self):
        raise NotImplementedError()


class Folder(Entry):
    def __init__(self, label):
        self.label = label
        self.entries = []

    def add(self, entry: Entry):
        self.entries.append(entry)

    def remove(self, entry: Entry):
        self.entries.remove(entry)

    def get_child(self, i):
        return self.entries[i]

    def get_name(self):
        return self.label

    def get_note(self):
        return "folder " + self.label

    def get_size(self):
        return len(self.label)

    def show(self):
        print(self.label)
        for entry in self.entries:
            entry.show()
"""

# Records of another class, never asked anything: what a persistence port keeps. (A folder
# printing entries of its own kind would still be a tree's node: not the near miss.)
LISTED = (
    CATALOGUE.replace(
        "class Folder(Entry):",
        "class Record:\n    def __init__(self, name):\n        self.name = name\n\n\nclass Folder(Entry):",
    )
    .replace("entry: Entry", "entry: Record")
    .replace("            entry.show()", "            print(entry.name)")
)


def _repository(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"files/__init__.py": "", "files/entries.py": text})
    return roles_of(patterns_rows(tmp_path, "files"), "repository")


def test_a_port_whose_implementation_walks_its_own_kind_is_no_repository(tmp_path: Path) -> None:
    assert _repository(tmp_path, CATALOGUE).get("Entry") is None


def test_the_same_port_storing_records_it_never_asks_is_one(tmp_path: Path) -> None:
    roles = _repository(tmp_path, LISTED)
    assert roles.get("Entry") == "abstract_repository"
    assert roles.get("Folder") == "repository"
