"""A concrete base of the builder a director drives, defining a step the director runs
(`new_boat()` making the product the subclass's steps fill in), belongs to the builder
hierarchy. Through `agentls patterns` run as a subprocess, on the shipyard of
test_builder_director_getter: the base is a builder too. The near miss: a second base of the
builder defining nothing the director runs (a logging mixin) is no builder."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree
from tests.patterns.test_builder_director_getter import YARD

LOGGED = YARD.replace(
    "class SloopBuilder(BoatBuilder):",
    "class Logged:\n    def log(self, text):\n        print(text)\n\n\nclass SloopBuilder(BoatBuilder, Logged):",
)


def _builder(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"yard.py": text})
    return roles_of(patterns_rows(tmp_path, "yard.py"), "builder")


def test_a_base_defining_a_step_the_director_runs_is_a_builder(tmp_path: Path) -> None:
    found = _builder(tmp_path, YARD)
    assert found.get("BoatBuilder") == "builder"
    assert found.get("SloopBuilder") == "builder"


def test_a_base_defining_none_of_the_steps_is_no_builder(tmp_path: Path) -> None:
    assert LOGGED != YARD
    found = _builder(tmp_path, LOGGED)
    assert found.get("SloopBuilder") == "builder"
    assert "Logged" not in found
