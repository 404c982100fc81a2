"""The abstract decorator as Java ports write it: `Topping(Drink)` only declares the wrapped
field (`drink: Drink`) and an abstract method, and each concrete topping's constructor sets
it (`Milk(drink)`), forwarding both methods and adding its own. Through `agentls patterns`
run as a subprocess: the wrapped object is of the family of `Drink`, the base *above* the
nearest one, so each topping is a decorator, `Topping` the abstract decorator and `Drink` the
component. The near miss, one annotation away: a topping kept over a `Recipe` of another
hierarchy offering the same names is no decoration of a drink (the wrapped object is not
of the family it implements)."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

CAFE = """\
from abc import ABC, abstractmethod


class Drink(ABC):
    name: str = "drink"

    def describe(self) -> str:
        return self.name

    @abstractmethod
    def cost(self) -> float: ...


class Recipe(ABC):
    @abstractmethod
    def describe(self) -> str: ...

    @abstractmethod
    def cost(self) -> float: ...


class Espresso(Drink):
    def cost(self) -> float:
        return 1.99


class Topping(Drink):
    drink: WRAPPED

    @abstractmethod
    def describe(self) -> str: ...


class Milk(Topping):
    def __init__(self, drink: WRAPPED) -> None:
        self.drink = drink

    def describe(self) -> str:
        return self.drink.describe() + ", milk"

    def cost(self) -> float:
        return self.drink.cost() + 0.10


class Foam(Topping):
    def __init__(self, drink: WRAPPED) -> None:
        self.drink = drink

    def describe(self) -> str:
        return self.drink.describe() + ", foam"

    def cost(self) -> float:
        return self.drink.cost() + 0.20
"""


def _decorator(tmp_path: Path, wrapped: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/cafe.py": CAFE.replace("WRAPPED", wrapped)})
    return roles_of(patterns_rows(tmp_path, "app"), "decorator")


def test_a_topping_wrapping_the_base_above_its_own_is_a_decorator(tmp_path: Path) -> None:
    found = _decorator(tmp_path, "Drink")
    assert found.get("Milk") == "decorator" and found.get("Foam") == "decorator"
    assert found.get("Topping") == "decorator"
    assert found.get("Drink") == "component"


def test_a_topping_over_another_hierarchy_decorates_nothing(tmp_path: Path) -> None:
    found = _decorator(tmp_path, "Recipe")
    assert "Milk" not in found and "Foam" not in found and "Topping" not in found
