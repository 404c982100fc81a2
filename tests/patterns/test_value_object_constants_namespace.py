"""A frozen dataclass in domain code holding only class-level constants
(`class Stage: START = "start"`, an enum spelled as a dataclass) has no field to compare:
every instance equals every other, so it is a namespace of names, no value object. Beside the
near misses: the same frozen dataclass with one declared field stays a value object, and so
does a constrained scalar whose constants configure the value its base carries
(`class Age(int): ge = 0`). Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

CONSTANTS = """\
from dataclasses import dataclass


@dataclass(frozen=True)
class Stage:
    start = "start"
    running = "running"
    stopped = "stopped"
"""

FIELD = """\
from dataclasses import dataclass


@dataclass(frozen=True)
class Stage:
    name: str
    start = "start"
    stopped = "stopped"
"""

SCALAR = """\
from dataclasses import dataclass


@dataclass(frozen=True)
class Age(int):
    ge = 0
    le = 150
"""


def _values(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/domain/stage.py": text})
    return roles_of(patterns_rows(tmp_path, "app", "--min-confidence", "0"), "value_object")


def test_a_frozen_namespace_of_constants_is_no_value(tmp_path: Path) -> None:
    assert _values(tmp_path, CONSTANTS) == {}


def test_a_frozen_dataclass_with_a_field_is_a_value(tmp_path: Path) -> None:
    assert _values(tmp_path, FIELD) == {"Stage": "value_object"}


def test_a_constrained_scalar_with_constants_is_a_value(tmp_path: Path) -> None:
    assert _values(tmp_path, SCALAR) == {"Age": "value_object"}
