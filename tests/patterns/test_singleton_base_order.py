"""A class deriving a singleton base beside an interface (`class Day(OneOnly, State)`) is
constructed through the base's `__new__` whatever order the engine keeps its ancestors in,
through `agentls patterns` run as a subprocess: Python looks bases up left to right, and the
first defining `__new__` is the one that keeps one instance. The near miss, one base away:
when the first base defines a `__new__` of its own that makes a new object every time, that
one constructs the class, and it is no singleton."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

STATES = """\
from __future__ import annotations

from abc import ABC, abstractmethod


class InstantiationError(Exception):
    pass


class OneOnly:
    def __new__(cls) -> OneOnly:
        if hasattr(cls, "_only"):
            raise InstantiationError("already created")
        cls._only = super().__new__(cls)
        return cls._only


class Fresh:
    def __new__(cls) -> Fresh:
        return super().__new__(cls)


class State(ABC):
    @abstractmethod
    def tick(self) -> str: ...


class Day(FIRST, OneOnly, State):
    def tick(self) -> str:
        return "day"
"""


def _singletons(tmp_path: Path, first: str) -> set[str]:
    text = STATES.replace("FIRST, ", first)
    write_tree(tmp_path, {"app/__init__.py": "", "app/states.py": text})
    return {str(r["symbol"]) for r in patterns_rows(tmp_path, "app") if r["pattern"] == "singleton"}


def test_the_first_base_defining_new_keeps_one_instance(tmp_path: Path) -> None:
    assert "Day" in _singletons(tmp_path, "")


def test_a_first_base_making_a_new_object_each_time_makes_no_singleton(tmp_path: Path) -> None:
    assert "Day" not in _singletons(tmp_path, "Fresh, ")
