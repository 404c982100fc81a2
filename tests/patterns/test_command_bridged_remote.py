"""The remote control of the Bridge examples: an abstract `Remote` declaring two requests that
undo each other (`volume_up()` / `volume_down()`), one implementation handed a device in its
constructor and turning each request into an operation on it (and asking it its name), the device one of two or more
implementations of a `Device` interface the program hands it in turn. With no invoker, the
requests the implementation does and undoes through what it holds looked like a reversible
command family; the bridge analysis finds the remote a refined abstraction over the device
implementor, so it is no command, through `agentls patterns` run as a subprocess. The near
miss: the same remote operating one concrete receiver (a `Speaker` with no interface nor
sibling) stays a reversible command."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, role_map, write_tree

REMOTE = """\
from abc import ABC, abstractmethod


class Device(ABC):
    volume = 0

    @abstractmethod
    def name(self):
        pass


class Radio(Device):
    def name(self):
        return "radio"


class Television(Device):
    def name(self):
        return "tv"


class Speaker:
    volume = 0

    def name(self):
        return "speaker"


class Remote(ABC):
    @abstractmethod
    def volume_up(self):
        pass

    @abstractmethod
    def volume_down(self):
        pass


class BasicRemote(Remote):
    def __init__(self, device: HELD):
        self.device = device

    def volume_up(self):
        self.device.volume += 1
        print(self.device.name(), self.device.volume)

    def volume_down(self):
        self.device.volume -= 1
        print(self.device.name(), self.device.volume)


def main():
    MADE
"""


def _roles(tmp_path: Path, held: str, made: str) -> dict[tuple[str, str], str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/remote.py": REMOTE.replace("HELD", held).replace("MADE", made)})
    return role_map(patterns_rows(tmp_path, "app", "--min-confidence", "0"))


def test_a_remote_over_a_device_family_is_a_bridge_not_a_command(tmp_path: Path) -> None:
    made = "radio = BasicRemote(Radio())\n    tv = BasicRemote(Television())\n    radio.volume_up()"
    roles = _roles(tmp_path, "Device", made)
    assert roles.get(("BasicRemote", "bridge")) == "refined_abstraction"
    assert ("Remote", "command") not in roles
    assert ("BasicRemote", "command") not in roles


def test_a_remote_over_one_receiver_stays_a_reversible_command(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "Speaker", "remote = BasicRemote(Speaker())\n    remote.volume_up()")
    assert roles.get(("Remote", "command")) == "command"
    assert roles.get(("BasicRemote", "command")) == "concrete_command"
