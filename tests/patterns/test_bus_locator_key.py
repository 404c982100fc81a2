"""A bus asking a service locator for the handler under a key built from the command's class name
(`self.locator.get(f"{type(command).__name__}Handler")`) and handing it the command is a message
bus, through `agentls patterns` run as a subprocess. The near miss: a handler that logs the command
(a call taking it) and asks the same locator for a service under a constant key
(`self.locator.get("notifier")`) is a command handler, no bus: the key is not made from the
command."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, role_map, write_tree

COMMANDS = """\
from dataclasses import dataclass


class Command:
    pass


@dataclass
class RenameProject(Command):
    project_id: str
    title: str


@dataclass
class ArchiveProject(Command):
    project_id: str
"""

BUS = """\
from app.commands import Command


class LocatorBus:
    def __init__(self, locator) -> None:
        self.locator = locator

    def send(self, command: Command) -> None:
        handler = self.locator.get(f"{type(command).__name__}Handler")
        handler.handle(command)
"""

HANDLERS = """\
import logging

from app.commands import ArchiveProject, RenameProject

audit = logging.getLogger("audit")


class RenameProjectHandler:
    def __init__(self, locator, projects) -> None:
        self.locator = locator
        self.projects = projects

    def handle(self, command: RenameProject) -> None:
        audit.info(command)
        self.projects.rename(command.project_id, command.title)
        notifier = self.locator.get("notifier")
        notifier.notify(command)


class ArchiveProjectHandler:
    def __init__(self, projects) -> None:
        self.projects = projects

    def handle(self, command: ArchiveProject) -> None:
        self.projects.archive(command.project_id)
"""


def _roles(tmp_path: Path) -> dict[tuple[str, str], str]:
    write_tree(
        tmp_path,
        {
            "app/__init__.py": "",
            "app/commands.py": COMMANDS,
            "app/bus.py": BUS,
            "app/handlers.py": HANDLERS,
        },
    )
    return role_map(patterns_rows(tmp_path, "app"))


def test_a_locator_keyed_by_the_command_class_name_is_a_message_bus(tmp_path: Path) -> None:
    roles = _roles(tmp_path)
    assert roles.get(("LocatorBus", "message_bus")) == "message_bus"
    assert ("LocatorBus", "cqrs_command") not in roles


def test_a_logging_handler_asking_a_constant_locator_key_is_a_command_handler(tmp_path: Path) -> None:
    roles = _roles(tmp_path)
    assert roles.get(("RenameProjectHandler", "cqrs_command")) == "command_handler"
    assert ("RenameProjectHandler", "message_bus") not in roles
