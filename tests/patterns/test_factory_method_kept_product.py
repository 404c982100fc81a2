"""A creation method may make its product into an attribute of its own, set it up there and
answer it (`self._car = Volt()`, `self._car.name = "Volt"`, `return self._car`): each
subclass overriding the base's declared creation method so makes a different class, a
Factory Method, through `agentls patterns` run as a subprocess. The near miss: the overrides
answer an attribute the constructor was handed (a car given to the dealer), making nothing:
no factory."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, role_map, write_tree

CARS = """\
from abc import ABC, abstractmethod


class Car(ABC):
    def __init__(self):
        self.name = ""

    @abstractmethod
    def start(self):
        pass


class Volt(Car):
    def start(self):
        print(self.name, "hums")


class Focus(Car):
    def start(self):
        print(self.name, "roars")


class Dealer(ABC):
    @abstractmethod
    def create_car(self):
        pass


class VoltDealer(Dealer):
    def __init__(INIT_VOLT):
        self._car = HELD_VOLT

    def create_car(self):
        MAKE_VOLT
        self._car.name = "Volt"
        return self._car


class FocusDealer(Dealer):
    def __init__(INIT_FOCUS):
        self._car = HELD_FOCUS

    def create_car(self):
        MAKE_FOCUS
        self._car.name = "Focus"
        return self._car


def main():
    for dealer in (VoltDealer(ARG_VOLT), FocusDealer(ARG_FOCUS)):
        dealer.create_car().start()
"""


def _roles(tmp_path: Path, *, made: bool) -> dict[tuple[str, str], str]:
    text = CARS
    for kind in ("VOLT", "FOCUS"):
        cls = kind.capitalize()
        if made:
            text = (
                text.replace(f"INIT_{kind}", "self")
                .replace(f"HELD_{kind}", "None")
                .replace(f"MAKE_{kind}", f"self._car = {cls}()")
                .replace(f"ARG_{kind}", "")
            )
        else:
            text = (
                text.replace(f"INIT_{kind}", "self, car")
                .replace(f"HELD_{kind}", "car")
                .replace(f"        MAKE_{kind}\n", "")
                .replace(f"ARG_{kind}", f"{cls}()")
            )
    write_tree(tmp_path, {"app/__init__.py": "", "app/cars.py": text})
    return role_map(patterns_rows(tmp_path, "app", "--min-confidence", "0"))


def test_a_product_made_into_an_attribute_and_answered_is_created(tmp_path: Path) -> None:
    roles = _roles(tmp_path, made=True)
    assert roles.get(("Dealer", "factory")) == "creator"
    assert roles.get(("VoltDealer", "factory")) == "concrete_creator"
    assert roles.get(("FocusDealer", "factory")) == "concrete_creator"
    assert roles.get(("Volt", "factory")) == "product"


def test_an_attribute_handed_in_and_answered_makes_nothing(tmp_path: Path) -> None:
    roles = _roles(tmp_path, made=False)
    assert ("VoltDealer", "factory") not in roles
    assert ("Dealer", "factory") not in roles
