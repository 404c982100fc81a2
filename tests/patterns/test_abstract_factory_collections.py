"""An abstract factory whose creation method answers several products at once, in a list
literal or a local it returns (`return [Garlic(), Onion()]`), through `agentls patterns` run
as a subprocess: each of them, and their base, is a product; beside its near miss: a Factory
Method base whose one creation method chooses among several classes into a local (`pizza =
Cheese()` ... `return pizza`) is no family, however many classes it answers."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

KITCHEN = """\
from abc import ABC, abstractmethod


class Sauce(ABC):
    pass


class Tomato(Sauce):
    pass


class Pesto(Sauce):
    pass


class Topping(ABC):
    pass


class Garlic(Topping):
    pass


class Onion(Topping):
    pass


class Olive(Topping):
    pass


class Kitchen(ABC):
    @abstractmethod
    def make_sauce(self):
        pass

    @abstractmethod
    def make_toppings(self):
        pass


class Naples(Kitchen):
    def make_sauce(self):
        return Tomato()

    def make_toppings(self):
        return [Garlic(), Onion()]


class Genoa(Kitchen):
    def make_sauce(self):
        return Pesto()

    def make_toppings(self):
        toppings = [Olive(), Garlic()]
        return toppings
"""

STORES = """\
from abc import ABC, abstractmethod


class Pizza:
    def bake(self):
        print("bake")


class Cheese(Pizza):
    pass


class Veggie(Pizza):
    pass


class DeepCheese(Pizza):
    pass


class DeepVeggie(Pizza):
    pass


class Store(ABC):
    def order(self, kind):
        pizza = self.create(kind)
        pizza.bake()
        return pizza

    @abstractmethod
    def create(self, kind):
        pass


class ThinStore(Store):
    def create(self, kind):
        pizza = None
        if kind == "cheese":
            pizza = Cheese()
        elif kind == "veggie":
            pizza = Veggie()
        return pizza


class DeepStore(Store):
    def create(self, kind):
        pizza = None
        if kind == "cheese":
            pizza = DeepCheese()
        elif kind == "veggie":
            pizza = DeepVeggie()
        return pizza
"""


def _roles(tmp_path: Path, source: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/shop.py": source})
    return roles_of(patterns_rows(tmp_path, "app"), "abstract_factory")


def test_products_answered_in_a_collection(tmp_path: Path) -> None:
    roles = _roles(tmp_path, KITCHEN)
    for name in ("Topping", "Garlic", "Onion", "Olive", "Sauce", "Tomato", "Pesto"):
        assert roles.get(name) == "product", name
    assert roles["Kitchen"] == "abstract_factory"
    assert roles["Naples"] == roles["Genoa"] == "concrete_factory"


def test_one_creation_method_choosing_is_no_family(tmp_path: Path) -> None:
    assert _roles(tmp_path, STORES) == {}
