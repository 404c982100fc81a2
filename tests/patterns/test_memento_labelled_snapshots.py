"""A snapshot may carry, beside the originator's state, labels the save method is handed (what
was done, a description: `Snapshot(self.text, self.cursor, action)`); the caretaker keeping
such snapshots may be told what it keeps by annotation (`push(self, snapshot: Snapshot)`) or be
handed them through a local (`s = doc.save("typed"); history.push(s)`), through `agentls
patterns` run as a subprocess. The near misses: a snapshot made mostly of what the method is
handed (labels outnumbering the state) packs no state of the object's own; a class taking
annotated snapshots that never hands one back is a log, not a caretaker; a local made by
another method than the save is not a snapshot handed over."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.patterns.cli import patterns_rows, role_map, write_tree

EDITOR = """\
class Snapshot:
    def __init__(self, text, cursor, action, author=None):
        self._text = text
        self._cursor = cursor
        self._action = action
        self._author = author

    def text(self):
        return self._text

    def cursor(self):
        return self._cursor


class Document:
    def __init__(self):
        self.text = ""
        self.cursor = 0

    def type(self, words):
        self.text += words
        self.cursor = len(self.text)

    def save(self, action, author):
        return Snapshot(PACKED)

    def copy_text(self):
        return self.text

    def restore(self, snapshot):
        self.text = snapshot.text()
        self.cursor = snapshot.cursor()


class History:
    def __init__(self):
        self._done = []

    def push(self, snapshot: KEPT):
        self._done.append(snapshot)

HANDS_BACK
"""

POP = """\
    def pop(self):
        return self._done.pop()
"""

MAIN = """

def main():
    doc = Document()
    history = History()
    doc.type("hello")
    snap = doc.MADE_BY("typed", "ann")
    history.push(snap)
"""


def _roles(
    tmp_path: Path, packed: str, kept: str = "Snapshot", hands_back: str = POP, made_by: str = "save"
) -> dict[tuple[str, str], str]:
    text = EDITOR.replace("PACKED", packed).replace("KEPT", kept).replace("HANDS_BACK", hands_back)
    files = {"app/__init__.py": "", "app/editor.py": text, "app/main.py": "from app.editor import *\n" + MAIN}
    write_tree(tmp_path, {k: v.replace("MADE_BY", made_by) for k, v in files.items()})
    return role_map(patterns_rows(tmp_path, "app", "--min-confidence", "0"))


def test_labels_the_save_method_is_handed_travel_with_the_state(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "self.text, self.cursor, action")
    assert roles.get(("Document", "memento")) == "originator"
    assert roles.get(("Snapshot", "memento")) == "memento"


def test_a_snapshot_made_mostly_of_what_the_method_is_handed_packs_no_state(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "self.text, action, author, action")
    assert ("Document", "memento") not in roles
    assert ("Snapshot", "memento") not in roles


@pytest.mark.parametrize(("kept", "made_by"), [("Snapshot", "copy_text"), ("object", "save")])
def test_a_caretaker_keeps_snapshots_it_is_told_of_by_annotation_or_handed_through_a_local(
    tmp_path: Path, kept: str, made_by: str
) -> None:
    roles = _roles(tmp_path, "self.text, self.cursor, action", kept=kept, made_by=made_by)
    assert roles.get(("History", "memento")) == "caretaker"


def test_a_class_keeping_annotated_snapshots_it_never_hands_back_is_a_log(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "self.text, self.cursor, action", hands_back="")
    assert ("History", "memento") not in roles
    # only the caretaker goes: the snapshot the document packs is still one
    assert roles.get(("Document", "memento")) == "originator"
    assert roles.get(("Snapshot", "memento")) == "memento"


def test_a_local_made_by_another_method_than_the_save_is_not_a_snapshot_handed_over(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "self.text, self.cursor, action", kept="object", made_by="copy_text")
    assert ("History", "memento") not in roles
    assert roles.get(("Document", "memento")) == "originator"
    assert roles.get(("Snapshot", "memento")) == "memento"
