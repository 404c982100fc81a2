"""A class handed two untyped parts, one method running a sequence of two operations of
each (`go()`: `boiler.warm()`, `boiler.start()`, `pump.prime()`, `pump.run()`), is a facade
over them; beside its near miss: the same class calling one operation of each part per
method (`go()`: `warm` and `run`; `halt()`: `start` and `prime`), an ordinary service over
two collaborators."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

SOURCE = """\
class Boiler:
    def warm(self):
        return "warm"

    def start(self):
        return "start"


class Pump:
    def prime(self):
        return "prime"

    def run(self):
        return "run"


class Plant:
    def __init__(self, boiler, pump):
        self._boiler = boiler
        self._pump = pump

    def go(self):
        return [self._boiler.{a}(), self._pump.{b}(){go_more}]
{halt}

print(Plant(Boiler(), Pump()).go())
"""

SEQUENCE = {"a": "warm", "b": "prime", "go_more": ", self._boiler.start(), self._pump.run()", "halt": ""}
ONE_EACH = {
    "a": "warm",
    "b": "run",
    "go_more": "",
    "halt": "\n    def halt(self):\n        return [self._boiler.start(), self._pump.prime()]\n",
}


def _roles(tmp_path: Path, parts: dict[str, str]) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/plant.py": SOURCE.format(**parts)})
    return roles_of(patterns_rows(tmp_path, "app"), "facade")


def test_a_sequence_of_operations_of_each_handed_part(tmp_path: Path) -> None:
    assert _roles(tmp_path, SEQUENCE) == {"Plant": "facade", "Boiler": "subsystem", "Pump": "subsystem"}


def test_one_operation_of_each_handed_part_is_a_service(tmp_path: Path) -> None:
    assert _roles(tmp_path, ONE_EACH) == {}
