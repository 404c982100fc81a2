"""A web route taking a request schema, converting it by its own method and handing the result
to a use case it gets from a container it was given (`use_case = container.register();
use_case.execute(payload.to_input())`) passes the message on: the route is no handler and its
schema no CQRS message, whatever the use case's `execute` reads like. Beside the near miss: a
function converting the command it takes the same way and adding the result to a repository it
gets from its unit of work handles it: a command and its handler. Through `agentls patterns`
run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

SCHEMAS = """\
from dataclasses import dataclass


@dataclass
class OrderInput:
    sku: str
    quantity: int


@dataclass
class PlaceOrderRequest:
    sku: str
    quantity: int

    def to_input(self) -> OrderInput:
        return OrderInput(self.sku, self.quantity)


@dataclass
class OrderView:
    id: str
    sku: str
"""

ROUTE = """\
from shop.schemas import OrderView, PlaceOrderRequest
from shop.web import router


@router.post("/orders")
async def place_order(payload: PlaceOrderRequest, container: object, session: object) -> OrderView:
    use_case = container.orders.place_order()
    async with session.begin():
        result = await use_case.execute(payload.to_input())
    return OrderView(result.id, result.sku)
"""

HANDLER = """\
from shop.schemas import PlaceOrderRequest


def place_order(command: PlaceOrderRequest, uow: object) -> None:
    orders = uow.orders_repository()
    with uow:
        orders.add(command.to_input())
        uow.commit()
"""


def _cqrs(tmp_path: Path, service: str) -> set[tuple[str, str]]:
    write_tree(tmp_path, {"shop/__init__.py": "", "shop/web.py": "router = object()\n", "shop/schemas.py": SCHEMAS})
    write_tree(tmp_path, {"shop/service.py": service})
    rows = patterns_rows(tmp_path, ".")
    return {(str(r["symbol"]), str(r["role"])) for r in rows if str(r["pattern"]).startswith("cqrs_")}


def test_a_route_handing_its_converted_request_to_a_use_case_is_no_handler(tmp_path: Path) -> None:
    found = _cqrs(tmp_path, ROUTE)
    assert not {symbol for symbol, _ in found} & {"place_order", "PlaceOrderRequest"}


def test_a_function_adding_its_converted_command_to_a_repository_handles_it(tmp_path: Path) -> None:
    found = _cqrs(tmp_path, HANDLER)
    assert {("PlaceOrderRequest", "command"), ("place_order", "command_handler")} <= found
