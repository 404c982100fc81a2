"""An originator keeping its own snapshots through a local (`snap = Snapshot(self.text);
self.saved.append(snap)`) and restoring straight off the last entry (`self.text =
self.saved[-1].text`), through `agentls patterns` run as a subprocess; beside its near miss:
the same shape over a record the program edits afterwards (a method changing it), a log of
editable entries rather than snapshots."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

PAD = """\
class Pad:
    def __init__(self):
        self.text = ""
        self.saved = []

    def type(self, words):
        self.text += words

    def keep(self):
        if len(self.saved) == 5:
            self.saved.pop(0)
        snap = {record}(self.text)
        self.saved.append(snap)

    def back(self):
        if not self.saved:
            return
        self.text = self.saved[-1].text
"""

SNAPSHOT = """\
class Snapshot:
    def __init__(self, text):
        self.text = text


""" + PAD.format(record="Snapshot")

EDITABLE = """\
class Entry:
    def __init__(self, text):
        self.text = text

    def amend(self, more):
        self.text += more


""" + PAD.format(record="Entry")


def test_snapshots_kept_through_a_local_and_read_back_off_the_entry(tmp_path: Path) -> None:
    write_tree(tmp_path, {"pad.py": SNAPSHOT})
    roles = roles_of(patterns_rows(tmp_path), "memento")
    assert roles == {"Pad": "originator", "Snapshot": "memento"}


def test_editable_entries_kept_so_are_no_mementos(tmp_path: Path) -> None:
    write_tree(tmp_path, {"pad.py": EDITABLE})
    assert roles_of(patterns_rows(tmp_path), "memento") == {}
