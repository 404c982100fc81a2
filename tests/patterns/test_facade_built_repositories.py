"""A class building two repositories over the session it is handed (`self.orders =
OrderRepository(session)`) and reading through both to answer its clients is an application
service using its data access, not a facade: repositories are no subsystems, whether injected
or created. The closest class, building two workers of its own (a pricer and a mailer) and
coordinating them the same way, is a facade."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

PARTS = """\
class Order:
    def __init__(self, order_id: int, user_id: int, total: float) -> None:
        self.order_id = order_id
        self.user_id = user_id
        self.total = total


class OrderRepository:
    def __init__(self, session) -> None:
        self.session = session

    def add(self, order: Order) -> None:
        self.session.add(order)

    def get(self, order_id: int) -> Order:
        return self.session.get(Order, order_id)


class UserRepository:
    def __init__(self, session) -> None:
        self.session = session

    def add(self, user) -> None:
        self.session.add(user)

    def get(self, user_id: int):
        return self.session.get("User", user_id)

    def is_following(self, user_id: int, other_id: int) -> bool:
        return self.session.exists("Follow", user_id, other_id)


class Pricer:
    def __init__(self, session) -> None:
        self.rates = session.rates()

    def price(self, order: Order) -> float:
        return order.total * self.rates["vat"]


class Mailer:
    def __init__(self, session) -> None:
        self.outbox = session.outbox()

    def address_of(self, user_id: int) -> str:
        return self.outbox.address(user_id)

    def send(self, to: str, text: str) -> None:
        self.outbox.put(to, text)
"""

SUMMARY = """\
from shop.parts import {first}, {second}


class OrderSummary:
    def __init__(self, session) -> None:
        self.first = {first}(session)
        self.second = {second}(session)

    def describe(self, order) -> str:
        {body}
"""

READS = "return f'{self.first.get(order.order_id)} {self.second.is_following(order.user_id, 1)}'"
WORKS = "self.second.send(self.second.address_of(order.user_id), str(self.first.price(order)))\n        return 'sent'"


def _facades(tmp_path: Path, first: str, second: str, body: str) -> set[str]:
    use = SUMMARY.format(first=first, second=second, body=body)
    write_tree(tmp_path, {"shop/__init__.py": "", "shop/parts.py": PARTS, "shop/summary.py": use})
    return {r["symbol"] for r in patterns_rows(tmp_path, "shop") if r["pattern"] == "facade"}


def test_a_class_reading_through_repositories_it_builds_is_no_facade(tmp_path: Path) -> None:
    assert "OrderSummary" not in _facades(tmp_path, "OrderRepository", "UserRepository", READS)


def test_the_same_class_coordinating_workers_it_builds_is_a_facade(tmp_path: Path) -> None:
    assert "OrderSummary" in _facades(tmp_path, "Pricer", "Mailer", WORKS)
