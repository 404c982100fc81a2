"""A function stacking wrappers of one interface (`Loud(Echo(Plain()))`, each a `Voice`
handed another `Voice`) builds a decorator stack, not an object graph: no composition root,
through `agentls patterns` run as a subprocess; beside its near miss: a function handing a
service two new implementations of different ports, which wires it."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

VOICES = """\
from abc import ABC, abstractmethod


class Voice(ABC):
    @abstractmethod
    def say(self) -> str: ...


class Plain(Voice):
    def say(self) -> str:
        return "hi"


class Echo(Voice):
    def __init__(self, inner: Voice):
        self.inner = inner

    def say(self) -> str:
        return self.inner.say() * 2


class Loud(Voice):
    def __init__(self, inner: Voice):
        self.inner = inner

    def say(self) -> str:
        return self.inner.say().upper()


def main():
    print(Loud(Echo(Plain())).say())
"""

SERVICE = """\
from abc import ABC, abstractmethod


class Clock(ABC):
    @abstractmethod
    def now(self) -> int: ...


class Store(ABC):
    @abstractmethod
    def save(self, value: int) -> None: ...


class WallClock(Clock):
    def now(self) -> int:
        return 0


class MemoryStore(Store):
    def __init__(self):
        self.values = []

    def save(self, value: int) -> None:
        self.values.append(value)


class Stamper:
    def __init__(self, clock: Clock, store: Store):
        self.clock = clock
        self.store = store

    def stamp(self) -> None:
        self.store.save(self.clock.now())


def main():
    Stamper(WallClock(), MemoryStore()).stamp()
"""


def test_stacking_wrappers_of_one_interface_is_no_composition_root(tmp_path: Path) -> None:
    write_tree(tmp_path, {"voices.py": VOICES})
    assert "main" not in roles_of(patterns_rows(tmp_path), "dependency_injection")


def test_handing_a_service_two_ports_stays_a_composition_root(tmp_path: Path) -> None:
    write_tree(tmp_path, {"stamp.py": SERVICE})
    assert roles_of(patterns_rows(tmp_path), "dependency_injection").get("main") == "composition_root"
