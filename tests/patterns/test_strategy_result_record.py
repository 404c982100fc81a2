"""Algorithms that each answer with an object of one shared result class (`quote()` making a
`Quote` in every shipping rule) fill in a result; they make no products: through `agentls
patterns` run as a subprocess, the rules handed to `Desk.price` are a Strategy family and the
desk its context. The near miss, one class name away: rules whose `quote()` each make a
quote class of their own (`GroundQuote`, `AirQuote`) hand out products that vary with the
implementation, an Abstract Factory's client, and are no strategy."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

SHIPPING = """\
from abc import ABC, abstractmethod
from dataclasses import dataclass


@dataclass
class Quote:
    carrier: str
    cost: float


@dataclass
class GroundQuote:
    carrier: str
    cost: float


@dataclass
class AirQuote:
    carrier: str
    cost: float


class ShippingRule(ABC):
    @abstractmethod
    def quote(self, weight: float) -> Quote: ...


class Ground(ShippingRule):
    def quote(self, weight: float) -> Quote:
        return GROUND(carrier="truck", cost=weight * 1.5)


class Air(ShippingRule):
    def quote(self, weight: float) -> Quote:
        return AIR(carrier="plane", cost=weight * 4.0)


class Desk:
    def price(self, weight: float, rule: ShippingRule) -> float:
        answer = rule.quote(weight)
        return answer.cost


desk = Desk()
print(desk.price(3.0, Ground()))
print(desk.price(3.0, Air()))
"""


def _roles(tmp_path: Path, ground: str, air: str) -> dict[str, str]:
    write_tree(tmp_path, {"shipping.py": SHIPPING.replace("GROUND", ground).replace("AIR", air)})
    return roles_of(patterns_rows(tmp_path, "--no-smells"), "strategy")


def test_rules_filling_in_one_result_class_are_a_strategy_family(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "Quote", "Quote")
    assert roles.get("ShippingRule") == "strategy"
    assert roles.get("Ground") == "concrete_strategy"
    assert roles.get("Air") == "concrete_strategy"
    assert roles.get("Desk") == "context"


def test_rules_each_making_a_class_of_their_own_are_no_strategy(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "GroundQuote", "AirQuote")
    assert "ShippingRule" not in roles
    assert "Desk" not in roles
