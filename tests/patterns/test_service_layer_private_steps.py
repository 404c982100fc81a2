"""A use-case class holding a repository port may store through it in a name-mangled private
step (`self.__save(order)`, as code ported from Java keeps its helpers): a service. The closest
class storing only while it is constructed (`__init__`, a true dunder) runs no use case."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

PORT = """\
import abc


class Order:
    def __init__(self, order_id: str, total: float) -> None:
        self.order_id = order_id
        self.total = total


class OrderRepository(abc.ABC):
    @abc.abstractmethod
    def save(self, order: Order) -> None:
        raise NotImplementedError

    @abc.abstractmethod
    def find_by_id(self, order_id: str) -> Order | None:
        raise NotImplementedError
"""

PRIVATE = """\
from shop.orders import Order, OrderRepository


class PlaceOrder:
    def __init__(self, orders: OrderRepository) -> None:
        self.__orders = orders

    def __call__(self, order_id: str, total: float) -> None:
        if self.__orders.find_by_id(order_id) is None:
            self.__save(Order(order_id, total))

    def __save(self, order: Order) -> None:
        self.__orders.save(order)
"""

CONSTRUCTED = """\
from shop.orders import Order, OrderRepository


class PlaceOrder:
    def __init__(self, orders: OrderRepository) -> None:
        self.__orders = orders
        self.__orders.save(Order("welcome", 0.0))

    def __call__(self, order_id: str) -> bool:
        return self.__orders.find_by_id(order_id) is not None
"""


def _services(tmp_path: Path, use: str) -> set[str]:
    write_tree(tmp_path, {"shop/__init__.py": "", "shop/orders.py": PORT, "shop/place.py": use})
    return {r["symbol"] for r in patterns_rows(tmp_path, "shop") if r["pattern"] == "service_layer"}


def test_storing_in_a_name_mangled_private_step_is_a_service(tmp_path: Path) -> None:
    assert "PlaceOrder" in _services(tmp_path, PRIVATE)


def test_storing_only_while_constructed_is_no_service(tmp_path: Path) -> None:
    assert "PlaceOrder" not in _services(tmp_path, CONSTRUCTED)
