"""A context may keep its strategies by name and pick one per call (`self._methods[name] =
method` in a register method taking the interface, then `method = self._methods[name];
method.charge(amount)`), clients registering two implementations made without arguments: a
Strategy context over a table of algorithm objects, as the module table of functions is. The
near miss, one argument away: the registered objects are made with what they act on
(`LightOn(lamp)`), each carrying its own request: an invoker of commands, not a context.
Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

TEXT = """\
from abc import ABC, abstractmethod


class Lamp:
    def __init__(self) -> None:
        self.lit = False


class Payment(ABC):
    @abstractmethod
    def charge(self, amount: float) -> float: ...


class Card(Payment):
    def __init__(self, lamp: Lamp | None = None) -> None:
        self.lamp = lamp

    def charge(self, amount: float) -> float:
        return amount * 1.02


class Cash(Payment):
    def __init__(self, lamp: Lamp | None = None) -> None:
        self.lamp = lamp

    def charge(self, amount: float) -> float:
        return amount


class Checkout:
    def __init__(self) -> None:
        self._methods: dict[str, Payment] = {}

    def register(self, name: str, method: Payment) -> None:
        self._methods[name] = method

    def pay(self, name: str, amount: float) -> float:
        method = self._methods[name]
        return method.charge(amount)


def main() -> None:
    lamp = Lamp()
    checkout = Checkout()
    checkout.register("card", Card(ARG))
    checkout.register("cash", Cash(ARG))
    print(checkout.pay("card", 10.0))
"""


def _roles(tmp_path: Path, arg: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/shop.py": TEXT.replace("ARG", arg)})
    return roles_of(patterns_rows(tmp_path, "app"), "strategy")


def test_strategies_kept_by_name_and_picked_per_call(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "")
    assert roles.get("Checkout") == "context"
    assert roles.get("Payment") == "strategy"
    assert roles.get("Card") == "concrete_strategy"


def test_objects_made_with_what_they_act_on_are_commands(tmp_path: Path) -> None:
    assert "Checkout" not in _roles(tmp_path, "lamp")
