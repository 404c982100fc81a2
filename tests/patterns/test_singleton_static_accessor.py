"""The classic singleton as code ported from Java writes it: a static `getInstance()` naming
its own class (`Boiler.__unique`), testing it with `== None`, storing `Boiler()` there and
returning it. Through `agentls patterns` run as a subprocess, the class is a singleton, as
with a class method over `cls`. The near miss, one value away: the same static method
keeping a table it builds once (`Boiler.__unique = {}`) makes no instance of the class: a
lazily built class attribute, no singleton."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

BOILER = """\
class Boiler:
    __unique = None

    def __init__(self) -> None:
        self.empty = True

    @staticmethod
    def getInstance():
        if Boiler.__unique == None:
            Boiler.__unique = MADE
        return Boiler.__unique

    def fill(self) -> None:
        self.empty = False
"""


def _singleton(tmp_path: Path, made: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/boiler.py": BOILER.replace("MADE", made)})
    return roles_of(patterns_rows(tmp_path, "app"), "singleton")


def test_a_static_accessor_making_its_class_once_is_a_singleton(tmp_path: Path) -> None:
    assert _singleton(tmp_path, "Boiler()").get("Boiler") == "singleton"


def test_a_static_accessor_building_a_table_once_is_none(tmp_path: Path) -> None:
    assert "Boiler" not in _singleton(tmp_path, "{}")
