"""An invoker whose untyped slots run commands of a family it sees only through a package
re-exporting one of its classes (`from app.commands import NoCommand` filling the empty
slots of a remote control), through `agentls patterns` run as a subprocess; beside its near
miss: the same remote filling its slots with a placeholder of another module, which shows
nothing of the family."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

BASE = """\
from abc import ABC, abstractmethod


class Command(ABC):
    @abstractmethod
    def execute(self):
        pass

    @abstractmethod
    def undo(self):
        pass
"""

LIGHT = """\
from app.commands.base import Command


class LightOn(Command):
    def __init__(self, light):
        self._light = light

    def execute(self):
        self._light.on()

    def undo(self):
        self._light.off()


class LightOff(Command):
    def __init__(self, light):
        self._light = light

    def execute(self):
        self._light.off()

    def undo(self):
        self._light.on()
"""

EMPTY = """\
from app.commands.base import Command


class NoCommand(Command):
    def execute(self):
        pass

    def undo(self):
        pass
"""

PACKAGE = """\
from app.commands.light import LightOff, LightOn
from app.commands.empty import NoCommand
"""

REMOTE = """\
from {module} import {name}


class Remote:
    def __init__(self):
        self._on = [{name}()] * 3
        self._off = [{name}()] * 3

    def set_command(self, slot, on, off):
        self._on[slot] = on
        self._off[slot] = off

    def press_on(self, slot):
        self._on[slot].execute()

    def press_off(self, slot):
        self._off[slot].execute()
"""

PLACEHOLDER = """\
class Blank:
    pass
"""


def _roles(tmp_path: Path, module: str, name: str) -> dict[str, str]:
    files = {
        "app/__init__.py": "",
        "app/commands/__init__.py": PACKAGE,
        "app/commands/base.py": BASE,
        "app/commands/light.py": LIGHT,
        "app/commands/empty.py": EMPTY,
        "app/slots.py": PLACEHOLDER,
        "app/remote.py": REMOTE.format(module=module, name=name),
    }
    write_tree(tmp_path, files)
    return roles_of(patterns_rows(tmp_path, "app"), "command")


def test_invoker_seeing_the_family_through_a_reexport(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "app.commands", "NoCommand")
    assert roles["Remote"] == "invoker"
    assert roles["Command"] == "command"
    assert roles["LightOn"] == roles["LightOff"] == "concrete_command"


def test_remote_seeing_nothing_of_the_family(tmp_path: Path) -> None:
    assert "Remote" not in _roles(tmp_path, "app.slots", "Blank")
