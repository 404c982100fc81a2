"""Strategies the program's own tests hand to the method that runs them (the program handing
one, or none), through `agentls patterns` run as a subprocess: each form beside its near miss
(doubles the tests declare; fluent builders a director drives)."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

RATES = """\
from abc import ABC, abstractmethod


class Rate(ABC):
    @abstractmethod
    def price(self, parcel): ...


class Ground(Rate):
    def price(self, parcel):
        return parcel.weight * 2


class Air(Rate):
    def price(self, parcel):
        return parcel.weight * 7 + 3
"""

DESK = """\
class Parcel:
    def __init__(self, weight):
        self.weight = weight


class Desk:
    def quote(self, parcel, rate):
        return round(rate.price(parcel), 2)
"""

MAIN = """\
from shipping.desk import Desk, Parcel
from shipping.rates import Ground

print(Desk().quote(Parcel(3), Ground()))
"""

# The tests hand the program's own rates: one arranged in a local first, one made in the call.
TESTS_OWN = """\
from shipping.desk import Desk, Parcel
from shipping.rates import Air, Ground


def test_air():
    desk = Desk()
    rate = Air()
    assert desk.quote(Parcel(1), rate) == 10


def test_ground():
    desk = Desk()
    assert desk.quote(Parcel(1), Ground()) == 2
"""

# The same tests handing doubles they declare themselves: nothing of the program's choice.
TESTS_DOUBLES = """\
from shipping.desk import Desk, Parcel
from shipping.rates import Rate


class FreeRate(Rate):
    def price(self, parcel):
        return 0


class FixedRate(Rate):
    def price(self, parcel):
        return 1


def test_free():
    desk = Desk()
    rate = FreeRate()
    assert desk.quote(Parcel(1), rate) == 0


def test_fixed():
    desk = Desk()
    assert desk.quote(Parcel(1), FixedRate()) == 1
"""


def _strategy_roles(tmp_path: Path, tests: str) -> dict[str, str]:
    write_tree(
        tmp_path,
        {
            "shipping/__init__.py": "",
            "shipping/rates.py": RATES,
            "shipping/desk.py": DESK,
            "shipping/main.py": MAIN,
            "tests/test_desk.py": tests,
        },
    )
    return roles_of(patterns_rows(tmp_path, "--no-smells", "-j", "1", "."), "strategy")


def test_the_program_classes_its_tests_hand_in_turn_make_a_strategy(tmp_path: Path) -> None:
    roles = _strategy_roles(tmp_path, TESTS_OWN)
    assert roles.get("Desk") == "context"
    assert roles.get("Rate") == "strategy"
    assert roles.get("Ground") == roles.get("Air") == "concrete_strategy"


def test_doubles_the_tests_declare_hand_nothing_of_the_program(tmp_path: Path) -> None:
    roles = _strategy_roles(tmp_path, TESTS_DOUBLES)
    assert "Desk" not in roles
    assert "FreeRate" not in roles


BUILDERS = """\
from abc import ABC, abstractmethod


class Parts:
    def __init__(self):
        self.items = []


class Assembler(ABC):
    @abstractmethod
    def add_frame(self): ...

    @abstractmethod
    def add_seat(self): ...

    @abstractmethod
    def result(self): ...


class BikeAssembler(Assembler):
    def __init__(self):
        self.parts = Parts()

    def add_frame(self):
        self.parts.items.append("tube frame")
        return self

    def add_seat(self):
        self.parts.items.append("saddle")
        return self

    def result(self):
        return self.parts


class KartAssembler(Assembler):
    def __init__(self):
        self.parts = Parts()

    def add_frame(self):
        self.parts.items.append("flat chassis")
        return self

    def add_seat(self):
        self.parts.items.append("bucket seat")
        return self

    def result(self):
        return self.parts


class Workshop:
    def make(self, assembler):
        return assembler.add_frame().add_seat().result()


if __name__ == "__main__":
    shop = Workshop()
    print(shop.make(BikeAssembler()), shop.make(KartAssembler()))
"""


def test_fluent_builders_handed_to_their_director_are_no_strategies(tmp_path: Path) -> None:
    write_tree(tmp_path, {"workshop.py": BUILDERS})
    rows = patterns_rows(tmp_path, "--no-smells", "-j", "1", ".")
    roles = roles_of(rows, "strategy")
    assert "Workshop" not in roles
    assert "BikeAssembler" not in roles
    assert roles_of(rows, "builder").get("BikeAssembler") == "builder"
