"""An interface a library ships one implementation of, for its users to plug in their own:
through `agentls patterns` run as a subprocess, a `Scheduler` whose constructor takes an
optional `clock: Clock | None = None`, making a `SystemClock` when none is given, and asks it
for the time, is a Strategy context over the `Clock` interface and its one implementation. The
near miss, one default away: a scheduler that requires its clock is handed its one
collaborator (wiring), and no strategy."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

SCHEDULER = """\
import time
from abc import ABC, abstractmethod


class Clock(ABC):
    @abstractmethod
    def now(self) -> float: ...


class SystemClock(Clock):
    def now(self) -> float:
        return time.time()


class Scheduler:
    def __init__(self, clock: PARAM) -> None:
        if clock is None:
            clock = SystemClock()
        self.clock = clock
        self.jobs: list[tuple[float, str]] = []

    def add(self, at: float, name: str) -> None:
        self.jobs.append((at, name))

    def due(self) -> list[str]:
        now = self.clock.now()
        return [name for at, name in self.jobs if at <= now]
"""


def _roles(tmp_path: Path, param: str) -> dict[str, str]:
    write_tree(tmp_path, {"scheduler.py": SCHEDULER.replace("PARAM", param)})
    return roles_of(patterns_rows(tmp_path, "--no-smells"), "strategy")


def test_an_optional_interface_with_a_shipped_default_is_a_strategy(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "Clock | None = None")
    assert roles.get("Clock") == "strategy"
    assert roles.get("SystemClock") == "concrete_strategy"
    assert roles.get("Scheduler") == "context"


def test_a_required_interface_with_one_implementation_is_no_strategy(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "Clock | None")
    assert "Clock" not in roles
    assert "Scheduler" not in roles
