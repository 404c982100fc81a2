"""A strategy handed to the method that runs it, the runner's class known from the local the
client made (`desk = Desk(); desk.quote(parcel, Ground())`) even when another folder of the
repository has its own `Desk` with a `quote` (an examples repository's chapters); a receiver of
unknown origin with the method defined twice names no class."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.test_strategy_passed_duck import _DESK, _MAIN, _strategy

_FAMILY = """
from abc import ABC, abstractmethod


class Carrier(ABC):
    @abstractmethod
    def cost(self, parcel): ...


class Ground(Carrier):
    def cost(self, parcel):
        return parcel * 2


class Air(Carrier):
    def cost(self, parcel):
        return parcel * 5
"""


def test_the_runner_is_the_class_the_local_was_made_from(tmp_path: Path) -> None:
    # Another chapter has its own `Desk` with a `quote`: the method name alone names no class.
    files = {f"ch{i}/{name}": text for i in (1, 2) for name, text in (("desk.py", _DESK), ("carriers.py", _FAMILY))}
    files["ch1/main.py"] = _MAIN
    roles = _strategy(tmp_path, files)
    assert roles.get("Carrier") == "strategy"
    assert roles.get("Desk") == "context"


def test_a_receiver_of_unknown_origin_with_the_method_defined_twice_names_no_runner(tmp_path: Path) -> None:
    files = {f"ch{i}/{name}": text for i in (1, 2) for name, text in (("desk.py", _DESK), ("carriers.py", _FAMILY))}
    files["ch1/main.py"] = """
from carriers import Ground, Air


def run(desk):
    print(desk.quote(3, Ground()))
    print(desk.quote(3, Air()))
"""
    roles = _strategy(tmp_path, files)
    assert "Carrier" not in roles and "Desk" not in roles
