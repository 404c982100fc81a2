"""A facade may make its subsystem objects in the one method that drives them, into locals
(`stock = Stock(); stock.reserve(item)`), as it may on the spot (`Stock().reserve(item)`),
through `agentls patterns` run as a subprocess. The near misses: a method making members of
one hierarchy into locals and calling them is a demo of that family, not a facade; and a
subclass of a framework class (a GUI window) doing the same work is the client itself."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

CHECKOUT = """\
BASE_IMPORT

class Stock:
    def reserve(self, item):
        print("reserved", item)


class Billing:
    def charge(self, item):
        print("charged", item)


class Shipping:
    def ship(self, item):
        print("shipped", item)


class Checkout BASE:
    def buy(self, item):
        stock = Stock()
        stock.reserve(item)
        billing = Billing()
        billing.charge(item)
        shipping = Shipping()
        shipping.ship(item)
"""

ZOO = """\
class Animal:
    def speak(self):
        raise NotImplementedError

    def move(self):
        raise NotImplementedError


class Dog(Animal):
    def speak(self):
        print("woof")

    def move(self):
        print("run")


class Fish(Animal):
    def speak(self):
        print("...")

    def move(self):
        print("swim")


class Zoo:
    def show(self):
        dog = Dog()
        dog.speak()
        fish = Fish()
        fish.move()
"""


def _roles(tmp_path: Path, source: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/shop.py": source})
    return roles_of(patterns_rows(tmp_path, "app"), "facade")


def test_subsystem_objects_made_into_locals_by_the_entry_point(tmp_path: Path) -> None:
    roles = _roles(tmp_path, CHECKOUT.replace("BASE_IMPORT", "").replace(" BASE", ""))
    assert roles == {"Checkout": "facade", "Stock": "subsystem", "Billing": "subsystem", "Shipping": "subsystem"}


def test_members_of_one_hierarchy_made_and_called_are_no_subsystem(tmp_path: Path) -> None:
    assert _roles(tmp_path, ZOO) == {}


def test_a_framework_subclass_doing_the_work_itself_is_the_client(tmp_path: Path) -> None:
    source = CHECKOUT.replace("BASE_IMPORT", "import tkinter as tk").replace(" BASE", "(tk.Tk)")
    assert _roles(tmp_path, source) == {}
