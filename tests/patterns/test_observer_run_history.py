"""A class running the elements it keeps and filing each one it ran into another list of its
own (`task.run(); self._history.append(task)`) is an invoker keeping a history, not a subject;
beside it, a subject that logs what it told (`self._log.append(panel.name)`) still notifies.
Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

BOARD = """\
from abc import ABC, abstractmethod


class Panel(ABC):
    name = ""

    @abstractmethod
    def redraw(self) -> str: ...


class Chart(Panel):
    def redraw(self) -> str:
        return "chart"


class Table(Panel):
    def redraw(self) -> str:
        return "table"


class Board:
    def __init__(self) -> None:
        self._panels: list[Panel] = []
        self._log: list[object] = []

    def attach(self, panel: Panel) -> None:
        self._panels.append(panel)

    def refresh(self) -> list[str]:
        out = []
        for panel in self._panels:
            text = panel.redraw()
            out.append(text)
            self._log.append({logged})
        return out
"""


def test_filing_each_element_run_into_a_history_is_no_subject(tmp_path: Path) -> None:
    write_tree(tmp_path, {"board.py": BOARD.format(logged="panel")})
    assert roles_of(patterns_rows(tmp_path), "observer") == {}


def test_logging_what_it_told_still_notifies(tmp_path: Path) -> None:
    write_tree(tmp_path, {"board.py": BOARD.format(logged="panel.name")})
    roles = roles_of(patterns_rows(tmp_path), "observer")
    assert roles.get("Board") == "subject"
    assert roles.get("Chart") == roles.get("Table") == "concrete_observer"
