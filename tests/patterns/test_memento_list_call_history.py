"""A caretaker's history made by calling `list()` (`self._states = list()`) is the same list as
a `[]` literal: the class holding the originator, appending what its save answers there and
handing a popped one back to its restore keeps snapshots, a Memento caretaker, through
`agentls patterns` run as a subprocess. The near miss: the class hands the snapshot straight
back without keeping any (`self._doc.restore(self._doc.save())`): no caretaker."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, role_map, write_tree

EDITOR = """\
class Document:
    def __init__(self):
        self._body = ""

    def write(self, words):
        self._body += words

    def save(self):
        return Snapshot(self._body)

    def restore(self, snapshot):
        self._body = snapshot.get_body()


class Snapshot:
    def __init__(self, body):
        self._body = body

    def get_body(self):
        return self._body


class Editor:
    def __init__(self, doc):
        self._doc = doc
        HISTORY

    def checkpoint(self):
        CHECKPOINT

    def undo(self):
        UNDO
"""

KEPT = {
    "HISTORY": "self._states = list()",
    "CHECKPOINT": "self._states.append(self._doc.save())",
    "UNDO": "if self._states:\n            self._doc.restore(self._states.pop())",
}
PASSED = {
    "        HISTORY\n": "",
    "CHECKPOINT": "self._doc.restore(self._doc.save())",
    "UNDO": "print('nothing kept')",
}


def _roles(tmp_path: Path, parts: dict[str, str]) -> dict[tuple[str, str], str]:
    text = EDITOR
    for hole, code in parts.items():
        text = text.replace(hole, code)
    write_tree(tmp_path, {"app/__init__.py": "", "app/editor.py": text})
    return role_map(patterns_rows(tmp_path, "app", "--min-confidence", "0"))


def test_a_history_made_by_list_call_keeps_snapshots(tmp_path: Path) -> None:
    roles = _roles(tmp_path, KEPT)
    assert roles.get(("Document", "memento")) == "originator"
    assert roles.get(("Editor", "memento")) == "caretaker"


def test_a_snapshot_handed_straight_back_is_kept_by_no_caretaker(tmp_path: Path) -> None:
    roles = _roles(tmp_path, PASSED)
    assert ("Editor", "memento") not in roles
