"""A message bus finds the handler object registered for the class of the message it is handed
(`self._handlers.get(type(command))`, then `handler(command)`), through `agentls patterns`
run as a subprocess: no factory of the handlers (it makes nothing; the handlers it is handed
are instances, `handler: Handler`) and no registry of them. Beside it, one change away, a
maker finding the class registered for the kind its caller names (`type[Handler]`) and
instantiating it is a factory."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, role_map, write_tree

BUS = """\
from abc import ABC, abstractmethod


class Command:
    pass


class CreateUser(Command):
    pass


class DeleteUser(Command):
    pass


class Handler(ABC):
    @abstractmethod
    def __call__(self, command: Command) -> None: ...


class CreateUserHandler(Handler):
    def __call__(self, command: Command) -> None:
        print("create")


class DeleteUserHandler(Handler):
    def __call__(self, command: Command) -> None:
        print("delete")


class Bus:
    def __init__(self) -> None:
        self._handlers: dict = {}

    def register(self, command_class: type, handler: Handler) -> None:
        self._handlers[command_class] = handler

    def execute(self, command: Command) -> None:
        handler = self._handlers.get(type(command))
        if handler is None:
            raise LookupError(command)
        return handler(command)
"""

MAKER = BUS.replace("handler: Handler) -> None:", "handler: type[Handler]) -> None:").replace(
    """    def execute(self, command: Command) -> None:
        handler = self._handlers.get(type(command))
        if handler is None:
            raise LookupError(command)
        return handler(command)""",
    """    def make(self, kind: str) -> Handler:
        handler_class = self._handlers.get(kind)
        if handler_class is None:
            raise LookupError(kind)
        return handler_class()""",
)


def _rows(tmp_path: Path, text: str) -> dict[tuple[str, str], str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/bus.py": text})
    return role_map(patterns_rows(tmp_path, "app"))


def test_a_bus_routing_by_the_message_class_is_no_factory_nor_registry(tmp_path: Path) -> None:
    found = _rows(tmp_path, BUS)
    assert ("Bus.execute", "factory") not in found and ("Bus", "registry") not in found


def test_a_maker_instantiating_the_class_registered_for_a_kind_is_a_factory(tmp_path: Path) -> None:
    assert _rows(tmp_path, MAKER).get(("Bus.make", "factory")) == "factory"
