"""Cloning through the copy protocol with the class naming itself (`Sheet(self.rows[:])`),
through `agentls patterns` run as a subprocess, beside the near miss of hooks answering a copy
of the object the class stands for."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.patterns.cli import patterns_rows

SHEET = """\
import copy


class Sheet:
    def __init__(self, title: str, rows: list) -> None:
        self.title = title
        self.rows = rows

    def __copy__(self):
        return Sheet(self.title, self.rows)

    def __deepcopy__(self, memo):
        return Sheet(copy.deepcopy(self.title, memo), copy.deepcopy(self.rows, memo))
"""

LAZY = """\
import copy


class LazySheet:
    def __init__(self, make) -> None:
        self._make = make
        self._inner = None

    def __copy__(self):
        if self._inner is None:
            return LazySheet(self._make)
        return copy.copy(self._inner)

    def __deepcopy__(self, memo):
        if self._inner is None:
            return LazySheet(self._make)
        return copy.deepcopy(self._inner, memo)
"""


def _rows(tmp_path: Path, files: dict[str, str]) -> dict[tuple[str, str], dict[str, Any]]:
    for name, text in files.items():
        (tmp_path / "app").mkdir(exist_ok=True)
        (tmp_path / "app" / name).write_text(text)
    rows = patterns_rows(tmp_path, "app")
    return {(str(r["symbol"]), str(r["pattern"])): r for r in rows}


def test_copy_hooks_building_the_class_by_its_name(tmp_path: Path) -> None:
    rows = _rows(tmp_path, {"sheet.py": SHEET})
    assert rows[("Sheet", "prototype")]["role"] == "prototype"


def test_copy_hooks_answering_a_copy_of_what_it_stands_for(tmp_path: Path) -> None:
    # The near miss: once made, the copy is the wrapped object's, not the class's own.
    rows = _rows(tmp_path, {"lazy.py": LAZY})
    assert ("LazySheet", "prototype") not in rows
