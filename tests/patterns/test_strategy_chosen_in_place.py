"""A context may choose its strategy itself with a conditional expression (`self._route = Fast()
if hurry else Slow()`), handed nothing: both classes it may make are candidates, so it is
configured with one of two interchangeable algorithms, a Strategy context. The near miss, one
branch away: the same conditional between one class and `None` (an optional helper made or
not) chooses no algorithm. Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

TEXT = """\
from abc import ABC, abstractmethod


class Route(ABC):
    @abstractmethod
    def travel(self, km: int) -> float: ...


class Fast(Route):
    def travel(self, km: int) -> float:
        return km / 60


class Slow(Route):
    def travel(self, km: int) -> float:
        return km / 5


class Trip:
    def __init__(self) -> None:
        self._route = None

    def run(self, km: int, hurry: bool) -> float:
        self._route = CHOICE
        if self._route is None:
            return 0.0
        return self._route.travel(km)
"""


def _roles(tmp_path: Path, choice: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/trip.py": TEXT.replace("CHOICE", choice)})
    return roles_of(patterns_rows(tmp_path, "app"), "strategy")


def test_a_context_choosing_between_two_strategies_in_place(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "Fast() if hurry else Slow()")
    assert roles.get("Trip") == "context"
    assert roles.get("Route") == "strategy"
    assert roles.get("Fast") == "concrete_strategy"


def test_one_class_or_none_chooses_no_algorithm(tmp_path: Path) -> None:
    assert "Trip" not in _roles(tmp_path, "Fast() if hurry else None")
