"""An abstract handler base taking a query is a query handler (the base of its
implementations) when something implements it; the same base nothing implements handles
nothing yet. Through `agentls patterns`, side by side."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

CODE = """\
from abc import ABC, abstractmethod
from dataclasses import dataclass


@dataclass
class FindOrder:
    ref: str


class OrderFinder(ABC):
    @abstractmethod
    def handle(self, query: FindOrder) -> object: ...


class Orders:
    def __init__(self) -> None:
        self.rows: dict[str, str] = {}


class FindOrderHandler{base}:
    def __init__(self, orders: Orders) -> None:
        self.orders = orders

    def handle(self, query: FindOrder) -> object:
        return self.orders.rows.get(query.ref)
"""


def _handlers(tmp_path: Path, base: str) -> set[str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/queries.py": CODE.replace("{base}", base)})
    rows = patterns_rows(tmp_path, "app")
    return {str(r["symbol"]) for r in rows if r["pattern"] == "cqrs_query" and r["role"] == "query_handler"}


def test_an_implemented_handler_base_is_a_query_handler(tmp_path: Path) -> None:
    assert "OrderFinder" in _handlers(tmp_path, "(OrderFinder)")


def test_a_handler_base_nothing_implements_is_none(tmp_path: Path) -> None:
    # The near miss: the same abstract base, its would-be implementation deriving nothing.
    assert "OrderFinder" not in _handlers(tmp_path, "")
