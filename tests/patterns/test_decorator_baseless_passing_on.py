"""A class with no base holding an object of an interface and re-exposing two or more of its
methods is a decorator only when it adds something. Through `agentls patterns` run as a
subprocess: `Remote` keeps a `Device` and each of its methods calls the same-named method of
it and nothing else (a bridge's abstraction over its implementor, or a plain delegate), so it
attaches no responsibility and is no decorator. The near miss, one statement away: the same
wrapper counting the calls it passes on adds behaviour, and is the decorator of `Device`."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

DEVICES = """\
from abc import ABC, abstractmethod


class Device(ABC):
    @abstractmethod
    def turn_on(self) -> None: ...

    @abstractmethod
    def turn_off(self) -> None: ...


class Tv(Device):
    def turn_on(self) -> None:
        print("tv on")

    def turn_off(self) -> None:
        print("tv off")


class Remote:
    def __init__(self, device: Device) -> None:
        self.device = device
        self.presses = 0

    def turn_on(self) -> None:
COUNT        self.device.turn_on()

    def turn_off(self) -> None:
        self.device.turn_off()
"""


def _decorator(tmp_path: Path, count: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/devices.py": DEVICES.replace("COUNT", count)})
    return roles_of(patterns_rows(tmp_path, "app"), "decorator")


def test_a_wrapper_only_passing_calls_on_is_no_decorator(tmp_path: Path) -> None:
    found = _decorator(tmp_path, "")
    assert "Remote" not in found
    assert "Device" not in found


def test_a_wrapper_adding_behaviour_is_the_decorator(tmp_path: Path) -> None:
    found = _decorator(tmp_path, "        self.presses += 1\n")
    assert found.get("Remote") == "decorator"
    assert found.get("Device") == "component"
