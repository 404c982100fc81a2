"""Commands written as dataclasses bind their receiver through the generated constructor
(`drawable: Drawable`), through `agentls patterns` run as a subprocess: with a canvas keeping
the history macro and replaying it, the requests acting on that field make them concrete
commands. The near miss, one decorator away: the same classes without `@dataclass` only
annotate the field, nothing hands them a receiver, so they bind none."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

COMMANDS = """\
from abc import ABC, abstractmethod
from dataclasses import dataclass


class Drawable(ABC):
    @abstractmethod
    def draw(self, x: int, y: int) -> None: ...


class Command(ABC):
    @abstractmethod
    def execute(self) -> None: ...


DATACLASSclass DrawCommand(Command):
    drawable: Drawable
    x: int
    y: int

    def execute(self) -> None:
        self.drawable.draw(self.x, self.y)


DATACLASSclass ClearCommand(Command):
    drawable: Drawable

    def execute(self) -> None:
        self.drawable.draw(0, 0)


class MacroCommand(Command):
    def __init__(self) -> None:
        self.commands: list[Command] = []

    def append(self, command: Command) -> None:
        self.commands.append(command)

    def execute(self) -> None:
        for c in self.commands:
            c.execute()


class Canvas(Drawable):
    def __init__(self, history: MacroCommand) -> None:
        self.history = history

    def paint(self) -> None:
        self.history.execute()

    def draw(self, x: int, y: int) -> None:
        print(x, y)
"""


def _commands(tmp_path: Path, decorator: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/cmd.py": COMMANDS.replace("DATACLASS", decorator)})
    return {str(r["symbol"]): str(r["role"]) for r in patterns_rows(tmp_path, "app") if r["pattern"] == "command"}


def test_dataclass_commands_bind_the_receiver_their_constructor_takes(tmp_path: Path) -> None:
    roles = _commands(tmp_path, "@dataclass\n")
    assert roles.get("DrawCommand") == "concrete_command"
    assert roles.get("ClearCommand") == "concrete_command"
    assert roles.get("Command") == "command"


def test_a_class_only_annotating_the_receiver_binds_none(tmp_path: Path) -> None:
    roles = _commands(tmp_path, "")
    assert "DrawCommand" not in roles and "ClearCommand" not in roles
