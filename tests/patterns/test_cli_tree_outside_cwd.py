"""A tree analysed from outside it (`agentls patterns ../tree`, `agentls patterns /abs/tree`)
names its namespace modules below the tree, as it does when run inside it: two script folders
each holding an `entities.py` stay two modules, so one folder's classes do not take the
other's roles or lose their own."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

_STRATEGY = """
from abc import ABC, abstractmethod


class Route(ABC):
    @abstractmethod
    def plan(self, start, end): ...


class Walk(Route):
    def plan(self, start, end):
        return [start, end]


class Drive(Route):
    def plan(self, start, end):
        return [start, "highway", end]


class Navigator:
    def __init__(self, route: Route):
        self.route = route

    def set_route(self, route: Route):
        self.route = route

    def go(self, a, b):
        return self.route.plan(a, b)
"""

_STRATEGY_MAIN = """
from entities import Navigator, Walk, Drive

nav = Navigator(Walk())
nav.go(1, 2)
nav.set_route(Drive())
nav.go(1, 2)
"""

_PLAIN = """
class Walk:
    def __init__(self, steps):
        self.steps = steps

    def total(self):
        return sum(self.steps)


class Drive:
    def __init__(self, km):
        self.km = km
"""

_PLAIN_MAIN = """
from entities import Walk, Drive

print(Walk([1, 2]).total(), Drive(3).km)
"""


def _rows_by_folder(tmp_path: Path, cwd: Path, target: str) -> dict[tuple[str, str], str]:
    write_tree(
        tmp_path / "tree",
        {
            "strategy/entities.py": _STRATEGY,
            "strategy/example.py": _STRATEGY_MAIN,
            "plain/entities.py": _PLAIN,
            "plain/example.py": _PLAIN_MAIN,
        },
    )
    cwd.mkdir(exist_ok=True)
    rows = patterns_rows(cwd, "--no-smells", target)
    return {(Path(r["path"]).parent.name, r["symbol"]): r["role"] for r in rows if r["pattern"] == "strategy"}


def test_run_from_outside_keeps_each_folders_classes(tmp_path: Path) -> None:
    roles = _rows_by_folder(tmp_path, tmp_path / "elsewhere", "../tree")
    assert roles.get(("strategy", "Walk")) == "concrete_strategy"
    assert roles.get(("strategy", "Drive")) == "concrete_strategy"
    assert roles.get(("strategy", "Navigator")) == "context"
    assert ("plain", "Walk") not in roles and ("plain", "Drive") not in roles


def test_run_from_outside_by_absolute_path_matches_a_run_inside(tmp_path: Path) -> None:
    outside = _rows_by_folder(tmp_path, tmp_path / "elsewhere", str(tmp_path / "tree"))
    inside = _rows_by_folder(tmp_path, tmp_path / "tree", ".")
    assert outside == inside
    assert ("plain", "Walk") not in inside
