"""A factory choosing which class to make into one local it returns may first make a
collaborator it hands to each product (`kit = RegionKit()`, then `pizza = Cheese(kit)` or
`Clam(kit)`). Through `agentls patterns` run as a subprocess, that collaborator is no product,
so the function is still a factory and the products and their base are reported. The near
miss, one call away: an object the function makes and uses itself (`log = Log()`, then
`log.write(...)`), handed to nothing, is something else it makes, of no product kind, and
keeps it from being read as a factory, as before."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

KITCHEN = """\
from abc import ABC, abstractmethod


class RegionKit:
    def dough(self) -> str:
        return "thin"


class Log:
    def write(self, text: str) -> None:
        print(text)


class Pizza(ABC):
    def __init__(self, kit: object = None) -> None:
        self.kit = kit

    @abstractmethod
    def prepare(self) -> None: ...


class Cheese(Pizza):
    def prepare(self) -> None:
        print("cheese")


class Clam(Pizza):
    def prepare(self) -> None:
        print("clam")


def make_pizza(kind):
    pizza = None
    MADE
    if kind == "cheese":
        pizza = Cheese(ARG)
    elif kind == "clam":
        pizza = Clam(ARG)
    USED
    return pizza
"""


def _factory(tmp_path: Path, made: str, arg: str, used: str) -> dict[str, str]:
    text = KITCHEN.replace("MADE", made).replace("ARG", arg).replace("USED", used)
    write_tree(tmp_path, {"app/__init__.py": "", "app/kitchen.py": text})
    return roles_of(patterns_rows(tmp_path, "app"), "factory")


def test_a_collaborator_handed_to_each_product_is_no_product(tmp_path: Path) -> None:
    found = _factory(tmp_path, "kit = RegionKit()", "kit", "pass")
    assert found.get("make_pizza") == "factory"
    assert found.get("Cheese") == "product" and found.get("Clam") == "product"
    assert found.get("Pizza") == "product"
    assert "RegionKit" not in found


def test_an_object_the_function_uses_itself_keeps_it_out(tmp_path: Path) -> None:
    found = _factory(tmp_path, "log = Log()", "", 'log.write("made")')
    assert "make_pizza" not in found and "Log" not in found
