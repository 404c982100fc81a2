"""A snapshot class nested in its originator (`self._Snap(...)`), frozen, and a caretaker
keeping one snapshot in an attribute, through `agentls patterns` run as a subprocess: each
form beside its one-change near miss."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.patterns.cli import patterns_rows

EDITOR = """\
from dataclasses import dataclass


class Draft:
    def __init__(self) -> None:
        self._text = ""

    def type(self, words: str) -> None:
        self._text += words

    def save(self) -> "Draft._Snap":
        return self._Snap(self._text)

    def restore(self, snap: "Draft._Snap") -> None:
        self._text = snap.text

    @dataclass({frozen})
    class _Snap:
        text: str

        def retitle(self, text: str) -> None:
            self.text = text


class Undo:
    def __init__(self, draft: Draft) -> None:
        self._draft = draft
        self._last = None

    def checkpoint(self) -> None:
        snap = self._draft.save()
{keep}

    def undo(self) -> None:
        self._draft.restore(self._last)
"""

KEEP = "        self._last = snap"
LOG = "        print(snap)"


def _rows(tmp_path: Path, files: dict[str, str]) -> dict[tuple[str, str], dict[str, Any]]:
    for name, text in files.items():
        (tmp_path / "app").mkdir(exist_ok=True)
        (tmp_path / "app" / name).write_text(text)
    rows = patterns_rows(tmp_path, "app")
    return {(str(r["symbol"]), str(r["pattern"])): r for r in rows}


def test_a_frozen_snapshot_nested_in_its_originator(tmp_path: Path) -> None:
    rows = _rows(tmp_path, {"editor.py": EDITOR.replace("{frozen}", "frozen=True").replace("{keep}", KEEP)})
    roles = {key[0]: r["role"] for key, r in rows.items() if key[1] == "memento"}
    assert roles == {"Draft": "originator", "Draft._Snap": "memento", "Undo": "caretaker"}


def test_a_nested_class_that_changes_is_no_snapshot(tmp_path: Path) -> None:
    # The near miss: not frozen, and `retitle` changes it after it is made.
    rows = _rows(tmp_path, {"editor.py": EDITOR.replace("{frozen}", "").replace("{keep}", KEEP)})
    assert not [key for key in rows if key[1] == "memento"]


def test_a_class_dropping_the_snapshot_keeps_none(tmp_path: Path) -> None:
    # The near miss: the snapshot taken is printed, never kept.
    rows = _rows(tmp_path, {"editor.py": EDITOR.replace("{frozen}", "frozen=True").replace("{keep}", LOG)})
    assert rows[("Draft", "memento")]["role"] == "originator"
    assert ("Undo", "memento") not in rows
