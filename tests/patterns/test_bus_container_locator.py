"""A command bus that asks a DI container for the handler under a key made from the command's
class name and hands it the command is a message bus, and its abstract port too, not command
handlers, through `agentls patterns` run as a subprocess. The near miss: a handler that loads an
aggregate by a key read from the command (`self.orders.get(command.order_id)`) and hands it the
command stays a command handler, no bus."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, role_map, write_tree

MESSAGES = """\
from abc import ABC, abstractmethod
from dataclasses import dataclass


@dataclass(frozen=True)
class Command(ABC):
    pass


@dataclass(frozen=True)
class ShipOrder(Command):
    order_id: str


class CommandHandler(ABC):
    @abstractmethod
    def handle(self, command: Command) -> None: ...


class CommandBus(ABC):
    @abstractmethod
    def dispatch(self, command: Command) -> None: ...
"""

BUS = """\
from app.domain.bus import Command, CommandBus, CommandHandler
from app.infrastructure import container


def handler_key(command: Command) -> str:
    return type(command).__name__.lower() + "_handler"


class ContainerCommandBus(CommandBus):
    def dispatch(self, command: Command) -> None:
        handler_id = handler_key(command)
        handler: CommandHandler = container.services.get(handler_id)
        if handler is None:
            raise LookupError(handler_id)
        handler.handle(command)
"""

CONTAINER = """\
services: dict = {}
"""

HANDLER = """\
from app.domain.bus import CommandHandler, ShipOrder


class ShipOrderHandler(CommandHandler):
    def __init__(self, orders, session) -> None:
        self.orders = orders
        self.session = session

    def handle(self, command: ShipOrder) -> None:
        order = self.orders.get(command.order_id)
        order.handle(command)
        self.session.commit()
"""


def _roles(tmp_path: Path) -> dict[tuple[str, str], str]:
    write_tree(
        tmp_path,
        {
            "app/domain/bus.py": MESSAGES,
            "app/infrastructure/container.py": CONTAINER,
            "app/infrastructure/bus.py": BUS,
            "app/application/ship.py": HANDLER,
        },
    )
    return role_map(patterns_rows(tmp_path, "app"))


def test_a_bus_asking_a_container_for_the_handler_is_a_message_bus(tmp_path: Path) -> None:
    roles = _roles(tmp_path)
    assert roles.get(("ContainerCommandBus", "message_bus")) == "message_bus"
    assert roles.get(("CommandBus", "message_bus")) == "message_bus"
    assert ("ContainerCommandBus", "cqrs_command") not in roles
    assert ("CommandBus", "cqrs_command") not in roles


def test_a_handler_loading_an_aggregate_by_a_field_of_the_command_is_no_bus(tmp_path: Path) -> None:
    roles = _roles(tmp_path)
    assert roles.get(("ShipOrderHandler", "cqrs_command")) == "command_handler"
    assert ("ShipOrderHandler", "message_bus") not in roles
