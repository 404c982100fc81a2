"""An implementation of an interface handed one object it serves through differently named
calls is an adapter; but when its siblings under the same abstraction are each handed
another implementation of one implementor interface (`Linux(LinuxDriver())`,
`Windows(WindowsDriver())`), the two hierarchies vary apart: a bridge, and no adapter is
reported. Through `agentls patterns` run as a subprocess, the form beside its near miss."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

SYSTEMS = """\
from abc import ABC, abstractmethod


class Driver(ABC):
    @abstractmethod
    def raw_write(self, data): ...


class LinuxDriver(Driver):
    def raw_write(self, data):
        return "linux " + data


class WindowsDriver(Driver):
    def raw_write(self, data):
        return "windows " + data


class System(ABC):
    @abstractmethod
    def save(self, data): ...


class Linux(System):
    def __init__(self, driver):
        self.driver = driver

    def save(self, data):
        return self.driver.raw_write(data)


class Windows(System):
    def __init__(self, driver):
        self.driver = driver

    def save(self, data):
        return self.driver.raw_write(data)
"""

BRIDGE_MAIN = """\
from app.systems import Linux, LinuxDriver, Windows, WindowsDriver

print(Linux(LinuxDriver()).save("a"), Windows(WindowsDriver()).save("b"))
"""

# The near miss: one implementation of `System` wraps a foreign class of no family, the
# other keeps nothing: an adapter over that class.
ADAPTED = """\
from abc import ABC, abstractmethod


class Tape:
    def raw_write(self, data):
        return "tape " + data


class System(ABC):
    @abstractmethod
    def save(self, data): ...


class Disk(System):
    def save(self, data):
        return "disk " + data


class TapeSystem(System):
    def __init__(self, tape):
        self.tape = tape

    def save(self, data):
        return self.tape.raw_write(data)
"""

ADAPTED_MAIN = """\
from app.systems import Disk, Tape, TapeSystem

print(Disk().save("a"), TapeSystem(Tape()).save("b"))
"""


def _rows(tmp_path: Path, systems: str, main: str) -> list[dict[str, object]]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/systems.py": systems, "app/main.py": main})
    return patterns_rows(tmp_path, "app", "--min-confidence", "0")


def test_siblings_each_handed_one_implementor_are_a_bridge_not_adapters(tmp_path: Path) -> None:
    rows = _rows(tmp_path, SYSTEMS, BRIDGE_MAIN)
    assert roles_of(rows, "adapter") == {}
    assert roles_of(rows, "bridge").get("Linux") == "refined_abstraction"


def test_one_wrapper_over_a_foreign_class_is_an_adapter(tmp_path: Path) -> None:
    rows = _rows(tmp_path, ADAPTED, ADAPTED_MAIN)
    assert roles_of(rows, "adapter").get("TapeSystem") == "adapter"
