"""A function handed two or more classes of one family, making an instance of the one it is
handed and running it (`trip = transport(city); trip.go()`), is a Strategy context when
what it calls varies by implementation (each overrides `go`). The near miss: what it calls
on the instance is the base's concrete template method the implementations do not override
(`go` calling the overridden `board` and `ride`): a template method, no strategy. Through
`agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

TEXT = """\
from abc import ABC, abstractmethod


class Transport(ABC):
    def __init__(self, city):
        self.city = city

    def go(self):
        return self.board() + self.ride()

    @abstractmethod
    def board(self): ...

    @abstractmethod
    def ride(self): ...


class Bus(Transport):
    def board(self):
        return "stop "

    def ride(self):
        return "road " + self.city
OVERRIDE

class Plane(Transport):
    def board(self):
        return "gate "

    def ride(self):
        return "air " + self.city
OVERRIDE

def travel(city, transport):
    trip = transport(city)
    return trip.go()


if __name__ == "__main__":
    print(travel("Rome", Bus), travel("Oslo", Plane))
"""

OWN_GO = "\n    def go(self):\n        return self.ride()\n"
VARYING = TEXT.replace("OVERRIDE", OWN_GO)
# The near miss: `go` is the base's template method, overridden by neither.
TEMPLATE = TEXT.replace("OVERRIDE", "")


def _strategy(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"trips/travel.py": text})
    return roles_of(patterns_rows(tmp_path, "trips", "--min-confidence", "0"), "strategy")


def test_running_what_it_makes_of_a_handed_class_that_varies_is_a_strategy(tmp_path: Path) -> None:
    got = _strategy(tmp_path, VARYING)
    assert got.get("travel") == "context"
    assert got.get("Bus") == got.get("Plane") == "concrete_strategy"


def test_running_the_base_template_method_on_what_it_makes_is_no_strategy(tmp_path: Path) -> None:
    assert TEMPLATE != VARYING
    assert _strategy(tmp_path, TEMPLATE) == {}
