"""A web route that takes a command and hands it to the handler it was given
(`await interactor(command)`) passes the message on; the function doing the work itself with
the repository it is given is the handler. Through `agentls patterns`, side by side."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

APP = """\
from abc import ABC, abstractmethod
from dataclasses import dataclass


@dataclass(frozen=True)
class PlaceOrder:
    ref: str


class Order:
    def __init__(self, ref: str) -> None:
        self.ref = ref


class Orders(ABC):
    @abstractmethod
    def add(self, order: Order) -> None: ...

    @abstractmethod
    def get(self, ref: str) -> Order: ...


class MemoryOrders(Orders):
    def __init__(self) -> None:
        self.items: dict[str, Order] = {}

    def add(self, order: Order) -> None:
        self.items[order.ref] = order

    def get(self, ref: str) -> Order:
        return self.items[ref]


class PlaceOrderHandler:
    def __init__(self, orders: Orders) -> None:
        self.orders = orders

    def __call__(self, command: PlaceOrder) -> None:
        self.orders.add(Order(command.ref))
"""

ROUTE = """\
from app.orders import Orders, Order, PlaceOrder, PlaceOrderHandler


def place(command: PlaceOrder, {param}) -> None:
    {body}
"""


def _handlers(tmp_path: Path, param: str, body: str) -> set[str]:
    route = ROUTE.replace("{param}", param).replace("{body}", body)
    write_tree(tmp_path, {"app/__init__.py": "", "app/orders.py": APP, "app/routes.py": route})
    rows = patterns_rows(tmp_path, "app")
    return {str(r["symbol"]) for r in rows if r["pattern"] == "cqrs_command" and r["role"] == "command_handler"}


def test_a_route_handing_the_command_to_its_handler_is_no_handler(tmp_path: Path) -> None:
    found = _handlers(tmp_path, "handler: PlaceOrderHandler", "handler(command)")
    assert "PlaceOrderHandler" in found and "place" not in found


def test_a_function_doing_the_work_with_its_repository_is_the_handler(tmp_path: Path) -> None:
    # The near miss: the same signature shape, the function adding the order itself.
    assert "place" in _handlers(tmp_path, "orders: Orders", "orders.add(Order(command.ref))")
