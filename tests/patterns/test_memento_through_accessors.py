"""An originator keeping its state private behind accessors snapshots it through its getter
(`Snapshot(self.get_text())`) and restores it through its setter handed the snapshot's field
(`self.set_text(snapshot.get_text())`); its caretaker is handed the list it keeps the
snapshots in, declared as such (`history: list[Snapshot]`). Through `agentls patterns` run as
a subprocess. The near miss: a `restore(snapshot)` calling the setter with something other
than what the snapshot holds (a reset to a default) writes nothing back from it."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

NOTES = """\
class Snapshot:
    def __init__(self, text):
        self.__text = text

    def get_text(self):
        return self.__text


class Notes:
    def __init__(self, text):
        self.__text = text
        self.default = ""

    def get_text(self):
        return self.__text

    def set_text(self, text):
        self.__text = text

    def save(self):
        return Snapshot(self.get_text())

    def restore(self, snapshot):
        self.set_text(RESTORED)


class History:
    def __init__(self, notes: Notes, history: list[Snapshot]):
        self.__notes = notes
        self.__history = history

    def backup(self):
        self.__history.append(self.__notes.save())

    def undo(self):
        if self.__history:
            self.__notes.restore(self.__history.pop())
"""


def _roles(tmp_path: Path, restored: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/notes.py": NOTES.replace("RESTORED", restored)})
    return roles_of(patterns_rows(tmp_path, "app"), "memento")


def test_state_snapshotted_and_restored_through_its_accessors(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "snapshot.get_text()")
    assert roles == {"Notes": "originator", "Snapshot": "memento", "History": "caretaker"}


def test_a_setter_handed_a_default_restores_nothing_from_the_snapshot(tmp_path: Path) -> None:
    assert _roles(tmp_path, "self.default") == {}
