"""A director handed a fluent builder (untyped, a static method's parameter), chaining two or
more of its steps and returning what the chain builds (`return builder.with_crust(...)
.with_sauce(...).bake()`), is the director of the one builder of the program with those steps.
Through `agentls patterns` run as a subprocess. The near miss: the same chain kept for itself
(`pizza = ...bake()`, then `print(pizza)`, answering nothing): a client of the builder."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

KITCHEN = """\
class Pizza:
    def __init__(self):
        self.crust = None
        self.sauce = None
        self.cheese = None


class PizzaBuilder:
    def __init__(self):
        self.pizza = Pizza()

    def with_crust(self, crust):
        self.pizza.crust = crust
        return self

    def with_sauce(self, sauce):
        self.pizza.sauce = sauce
        return self

    def with_cheese(self, cheese):
        self.pizza.cheese = cheese
        return self

    def bake(self):
        return self.pizza


class Menu:
    @staticmethod
    def margherita(builder):
        return builder.with_crust("thin").with_sauce("tomato").with_cheese("mozzarella").bake()
"""

CLIENT = KITCHEN.replace(
    '        return builder.with_crust("thin").with_sauce("tomato").with_cheese("mozzarella").bake()\n',
    '        pizza = builder.with_crust("thin").with_sauce("tomato").with_cheese("mozzarella").bake()\n'
    "        print(pizza)\n",
)


def _builder(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"kitchen.py": text})
    return roles_of(patterns_rows(tmp_path, "kitchen.py"), "builder")


def test_a_director_chaining_the_builder_it_is_handed(tmp_path: Path) -> None:
    found = _builder(tmp_path, KITCHEN)
    assert found.get("Menu") == "director"
    assert found.get("PizzaBuilder") == "builder"


def test_keeping_the_result_for_itself_is_a_client(tmp_path: Path) -> None:
    assert CLIENT != KITCHEN
    found = _builder(tmp_path, CLIENT)
    assert "Menu" not in found
    assert found.get("PizzaBuilder") == "builder"
