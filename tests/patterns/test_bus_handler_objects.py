"""A bus that keeps one handler object per message key in its own table and asks the one it
finds to handle the message (`self.handlers[query.id()].handle(query)`), beside the near miss
that looks the same object up but hands it nothing of the message. Through `agentls
patterns`."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

CODE = """\
from abc import ABC, abstractmethod
from dataclasses import dataclass


@dataclass
class Message:
    @staticmethod
    def id() -> str:
        return "message"


@dataclass
class FindOrder(Message):
    ref: str

    @staticmethod
    def id() -> str:
        return "find_order"


class Handler(ABC):
    @abstractmethod
    def handle(self, query: Message) -> object: ...


class FindOrderHandler(Handler):
    def __init__(self, orders: dict[str, str]) -> None:
        self.orders = orders

    def handle(self, query: FindOrder) -> object:
        return self.orders.get(query.ref)


class Bus:
    def __init__(self) -> None:
        self.handlers: dict[str, Handler] = {}

    def register(self, query: type[Message], handler: Handler) -> None:
        self.handlers[query.id()] = handler

    def ask(self, query: Message) -> object:
        name = query.id()
        return self.handlers[name].handle({arg})
"""


def _buses(tmp_path: Path, arg: str) -> set[str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/bus.py": CODE.replace("{arg}", arg)})
    rows = patterns_rows(tmp_path, "app")
    return {str(r["symbol"]) for r in rows if r["pattern"] == "message_bus"}


def test_a_bus_asking_the_handler_it_finds_to_handle_the_message(tmp_path: Path) -> None:
    assert "Bus" in _buses(tmp_path, "query")


def test_a_lookup_handing_the_found_object_no_message_is_no_bus(tmp_path: Path) -> None:
    # The near miss: the same table and lookup, the found object handed something else.
    assert "Bus" not in _buses(tmp_path, "FindOrder(name)")
