"""Concrete commands each binding a receiver of its own class (`SandwichCommand.execute`
calling `self._sandwich.make_sandwich()`) have an adapter's shape, one renamed call on a held
foreign object, through `agentls patterns` run as a subprocess: when an invoker keeps and
runs them they are commands, not adapters; the same classes with nothing running them are
still read as adapters (the near miss, one change away)."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, role_map, write_tree

MEALS = """\
from abc import ABC, abstractmethod


class Order(ABC):
    @abstractmethod
    def execute(self) -> None: ...


class Sandwich:
    def make_sandwich(self) -> None:
        print("sandwich")


class Salad:
    def make_salad(self) -> None:
        print("salad")


class SandwichOrder(Order):
    def __init__(self, sandwich: Sandwich) -> None:
        self._sandwich = sandwich

    def execute(self) -> None:
        self._sandwich.make_sandwich()


class SaladOrder(Order):
    def __init__(self, salad: Salad) -> None:
        self._salad = salad

    def execute(self) -> None:
        self._salad.make_salad()
"""

INVOKER = """\


class Waiter:
    def __init__(self) -> None:
        self._orders: list[Order] = []

    def take(self, order: Order) -> None:
        self._orders.append(order)

    def serve(self) -> None:
        for order in self._orders:
            order.execute()
        self._orders.clear()
"""


def _roles(tmp_path: Path, text: str) -> dict[tuple[str, str], str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/meals.py": text})
    return role_map(patterns_rows(tmp_path, "app"))


def test_commands_an_invoker_runs_are_no_adapters(tmp_path: Path) -> None:
    found = _roles(tmp_path, MEALS + INVOKER)
    assert found.get(("Waiter", "command")) == "invoker"
    assert ("SandwichOrder", "adapter") not in found and ("Sandwich", "adapter") not in found


def test_the_same_classes_with_nothing_running_them_read_as_adapters(tmp_path: Path) -> None:
    found = _roles(tmp_path, MEALS)
    assert found.get(("SandwichOrder", "adapter")) == "adapter"
