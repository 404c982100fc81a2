"""A repository may keep its objects as rows made from them (`asdict(order)`,
`order.to_dict()`, a dict literal of their fields) keyed by their own identity or appended to
a list, and find them again by that key, rebuilding the object from the row it matched
(`return Order(**self._rows[id])`, a loop reading `row["id"]`). Beside the near miss: the same
rows kept under a key the caller chooses (`put(key, order)`) are a cache. Through `agentls
patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

ORDER = """\
from dataclasses import dataclass


@dataclass
class Order:
    ref: str
    total: int

    def pay(self) -> None:
        self.total = 0
"""

ROWS = """\
from dataclasses import asdict

from app.order import Order


class DictOrders:
    def __init__(self) -> None:
        self._rows: dict[str, dict[str, object]] = {}

    def save(self, order: Order) -> None:
        self._rows[order.ref] = asdict(order)

    def get(self, ref: str) -> Order:
        return Order(**self._rows[ref])


class ListOrders:
    def __init__(self) -> None:
        self._rows: list[dict[str, object]] = []

    def add(self, order: Order) -> None:
        row = {"ref": order.ref, "total": order.total}
        self._rows.append(row)

    def find(self, ref: str) -> Order | None:
        found = None
        for row in self._rows:
            if row["ref"] == ref:
                found = Order(row["ref"], row["total"])
                break
        return found
"""

CACHE = """\
from dataclasses import asdict

from app.order import Order


class OrderCache:
    def __init__(self) -> None:
        self._rows: dict[str, dict[str, object]] = {}

    def put(self, key: str, order: Order) -> None:
        self._rows[key] = asdict(order)

    def get(self, key: str) -> Order:
        return Order(**self._rows[key])
"""


def _roles(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/order.py": ORDER, "app/store.py": text})
    return roles_of(patterns_rows(tmp_path, "app", "--min-confidence", "0"), "repository")


def test_rows_made_from_the_objects_kept_by_their_key(tmp_path: Path) -> None:
    assert _roles(tmp_path, ROWS) == {"DictOrders": "repository", "ListOrders": "repository"}


def test_rows_kept_under_a_key_the_caller_chooses_are_a_cache(tmp_path: Path) -> None:
    assert _roles(tmp_path, CACHE) == {}
