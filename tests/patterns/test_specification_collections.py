"""Combinators keeping any number of specifications in a collection and testing each
(`all(s.holds(x) for s in self.parts)`), through `agentls patterns` run as a subprocess,
beside the near miss whose combinator asks each part something else."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.patterns.cli import patterns_rows

RULES = """\
from abc import ABC, abstractmethod


class Rule(ABC):
    @abstractmethod
    def holds(self, order) -> bool: ...

    def describe(self) -> str:
        return type(self).__name__

    def __and__(self, other):
        return Every(self, other)


class Heavy(Rule):
    def holds(self, order) -> bool:
        return order.weight > 10


class Abroad(Rule):
    def holds(self, order) -> bool:
        return order.country != "FR"


class Every(Rule):
    def __init__(self, *parts: Rule) -> None:
        self.parts = parts

    def holds(self, order) -> bool:
        return all(p.{asked} for p in self.parts)
"""


def _rows(tmp_path: Path, files: dict[str, str]) -> dict[tuple[str, str], dict[str, Any]]:
    for name, text in files.items():
        (tmp_path / "app").mkdir(exist_ok=True)
        (tmp_path / "app" / name).write_text(text)
    rows = patterns_rows(tmp_path, "app")
    return {(str(r["symbol"]), str(r["pattern"])): r for r in rows}


def test_a_combinator_testing_every_part_it_keeps(tmp_path: Path) -> None:
    rows = _rows(tmp_path, {"rules.py": RULES.replace("{asked}", "holds(order)")})
    roles = {key[0]: r["role"] for key, r in rows.items() if key[1] == "specification"}
    assert roles == {
        "Rule": "specification",
        "Heavy": "concrete_specification",
        "Abroad": "concrete_specification",
        "Every": "composite_specification",
    }


def test_a_combinator_asking_its_parts_something_else(tmp_path: Path) -> None:
    # The near miss: the parts are asked for their description, not tested.
    rows = _rows(tmp_path, {"rules.py": RULES.replace("{asked}", "describe()")})
    assert not [key for key in rows if key[1] == "specification"]
