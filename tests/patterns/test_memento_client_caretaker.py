"""A caretaker the client drives: it holds no originator, the program hands the method filling
its list an originator's snapshot straight from its save method
(`history.add(editor.save())`) and another of its methods hands a kept one back, through
`agentls patterns` run as a subprocess; beside its near miss: the same list filled with
plain values (`history.add(editor.text)`), which keeps no snapshots."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

SOURCE = """\
class Snapshot:
    def __init__(self, text):
        self._text = text

    def get_text(self):
        return self._text


class Editor:
    def __init__(self):
        self.text = ""

    def save(self):
        return Snapshot(self.text)

    def restore(self, snapshot):
        self.text = snapshot.get_text()


class History:
    def __init__(self):
        self._items = []

    def add(self, item):
        self._items.append(item)

    def get(self, index):
        return self._items[index]


editor = Editor()
history = History()
history.add({handed})
"""


def _roles(tmp_path: Path, handed: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/editor.py": SOURCE.format(handed=handed)})
    return roles_of(patterns_rows(tmp_path, "app"), "memento")


def test_caretaker_handed_snapshots_by_the_client(tmp_path: Path) -> None:
    assert _roles(tmp_path, "editor.save()")["History"] == "caretaker"


def test_list_of_plain_values_is_no_caretaker(tmp_path: Path) -> None:
    assert "History" not in _roles(tmp_path, "editor.text")
