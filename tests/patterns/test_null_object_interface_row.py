"""The interface a null object stands in for gets a row of its own (`abstract_object`), in
whatever module it is declared, not only a mention among the null object's participants; an
interface whose empty implementation is no null object (its body promises a value it does
not give: a stub) gets none. Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

SIGNALS = """\
from abc import ABC, abstractmethod


class Alarm(ABC):
    @abstractmethod
    def ring(self){ret}:
        ...


class Siren(Alarm):
    def __init__(self):
        self.rung = 0

    def ring(self){ret}:
        self.rung += 1
        {answer}
"""

QUIET = """\
from house.alarms import Alarm


class QuietAlarm(Alarm):
    def ring(self){ret}:
        pass
"""


def _rows(tmp_path: Path, ret: str, answer: str) -> dict[str, str]:
    write_tree(
        tmp_path,
        {
            "house/__init__.py": "",
            "house/alarms.py": SIGNALS.replace("{ret}", ret).replace("{answer}", answer),
            "house/quiet.py": QUIET.replace("{ret}", ret),
        },
    )
    return {str(r["symbol"]): str(r["role"]) for r in patterns_rows(tmp_path, "house") if r["pattern"] == "null_object"}


def test_the_interface_of_a_null_object_has_its_own_row(tmp_path: Path) -> None:
    found = _rows(tmp_path, " -> None", "return None")
    assert found.get("QuietAlarm") == "null_object"
    assert found.get("Alarm") == "abstract_object"


def test_the_interface_of_a_stub_has_none(tmp_path: Path) -> None:
    found = _rows(tmp_path, " -> bool", "return True")
    assert "QuietAlarm" not in found and "Alarm" not in found
