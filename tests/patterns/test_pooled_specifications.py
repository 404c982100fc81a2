"""Rules without combinator methods: an interface with one predicate, rules stating it, and
one that keeps several and combines their verdicts (`any(...)`); reported as Specification,
not as a Composite of its own. Through `agentls patterns` run as a subprocess, beside the near
miss whose holder hands back the verdicts without combining them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.patterns.cli import patterns_rows

GATES = """\
from abc import ABC, abstractmethod


class Gate(ABC):
    @abstractmethod
    def lets_in(self, visitor) -> bool: ...


class Adult(Gate):
    def lets_in(self, visitor) -> bool:
        return visitor.age >= 18


class Member(Gate):
    def lets_in(self, visitor) -> bool:
        return visitor.card is not None


class EitherGate(Gate):
    def __init__(self, *gates: Gate) -> None:
        self._gates = gates

    def lets_in(self, visitor):
        return {combined}
"""


def _rows(tmp_path: Path, files: dict[str, str]) -> dict[tuple[str, str], dict[str, Any]]:
    for name, text in files.items():
        (tmp_path / "app").mkdir(exist_ok=True)
        (tmp_path / "app" / name).write_text(text)
    rows = patterns_rows(tmp_path, "app")
    return {(str(r["symbol"]), str(r["pattern"])): r for r in rows}


def test_a_gate_combining_the_verdicts_of_the_gates_it_keeps(tmp_path: Path) -> None:
    text = GATES.replace("{combined}", "any(g.lets_in(visitor) for g in self._gates)")
    rows = _rows(tmp_path, {"gates.py": text})
    roles = {key[0]: r["role"] for key, r in rows.items() if key[1] == "specification"}
    assert roles == {
        "Gate": "specification",
        "Adult": "concrete_specification",
        "Member": "concrete_specification",
        "EitherGate": "composite_specification",
    }
    assert not [key for key in rows if key[1] == "composite"]


def test_a_holder_handing_back_the_verdicts(tmp_path: Path) -> None:
    # The near miss: the verdicts are listed, not combined into one.
    text = GATES.replace("{combined}", "[g.lets_in(visitor) for g in self._gates]")
    rows = _rows(tmp_path, {"gates.py": text})
    assert not [key for key in rows if key[1] == "specification"]
