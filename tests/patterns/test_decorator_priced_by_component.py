"""A condiment handed the drink it wraps, whose `price()` forwards to the drink's and adds a
share chosen by what the drink answers (`if self._drink.get_size() == "small": total +=
0.1`), taking nothing, reading nothing else of its own, refusing nothing: it decorates (the
sizes exercise of a coffee-shop decorator), it guards no access. Through `agentls patterns` run
as a subprocess: the condiment is a decorator, not a proxy. The near miss: a wrapper asking
the car it is handed for its fuel and driving it only when there is some, answering a
constant refusal otherwise, stays a proxy."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, role_map, write_tree

CAFE = """\
from abc import ABC, abstractmethod


class Drink(ABC):
    size = "small"

    @abstractmethod
    def price(self) -> float: ...

    def label(self) -> str:
        return "drink"

    def get_size(self) -> str:
        return self.size


class Tea(Drink):
    def price(self) -> float:
        return 1.0


class Topping(Drink):
    @abstractmethod
    def label(self) -> str: ...


class Honey(Topping):
    def __init__(self, drink: Drink):
        self._drink = drink

    def label(self) -> str:
        return self._drink.label() + ", honey"

    def price(self) -> float:
        return self._drink.price() + 0.2


class Oat(Topping):
    def __init__(self, drink: Drink):
        self._drink = drink

    def label(self) -> str:
        return self._drink.label() + ", oat"

    def price(self) -> float:
        total = self._drink.price()
        if self._drink.get_size() == "small":
            total += 0.1
        elif self._drink.get_size() == "large":
            total += 0.3
        return total
"""

GARAGE = """\
from abc import ABC, abstractmethod


class Car(ABC):
    @abstractmethod
    def drive(self) -> str: ...

    @abstractmethod
    def fuel(self) -> int: ...


class Sedan(Car):
    def drive(self) -> str:
        return "driving"

    def fuel(self) -> int:
        return 10


class FuelGuard(Car):
    def __init__(self, car: Car):
        self._car = car

    def drive(self) -> str:
        if self._car.fuel() > 0:
            return self._car.drive()
        return "empty"

    def fuel(self) -> int:
        return self._car.fuel()
"""


def _roles(tmp_path: Path, text: str) -> dict[tuple[str, str], str]:
    write_tree(tmp_path, {"shop.py": text})
    return role_map(patterns_rows(tmp_path, "shop.py"))


def test_a_share_chosen_by_what_the_component_answers_is_decoration(tmp_path: Path) -> None:
    found = _roles(tmp_path, CAFE)
    assert found.get(("Oat", "decorator")) == "decorator"
    assert ("Oat", "proxy") not in found
    assert ("Drink", "proxy") not in found


def test_forwarding_only_when_the_subject_allows_it_stays_a_proxy(tmp_path: Path) -> None:
    found = _roles(tmp_path, GARAGE)
    assert found.get(("FuelGuard", "proxy")) == "proxy"
    assert found.get(("Car", "proxy")) == "subject"
