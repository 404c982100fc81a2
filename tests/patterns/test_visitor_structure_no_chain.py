"""A Visitor's object structure runs each element in turn, like a chain kept as a list by a
runner; through `agentls patterns` run as a subprocess, elements that answer by calling the
visitor back with themselves are no chain's handlers, and the same runner over handlers that
act on the request they are handed is one."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows

RUNNER = """\
from typing import Protocol


class Part(Protocol):
    def accept(self, guest: "Guest") -> None: ...


class Guest(Protocol):
    def visit_wheel(self, part: "Wheel") -> None: ...

    def visit_door(self, part: "Door") -> None: ...


class Wheel:
    def accept(self, guest: Guest) -> None:
        {wheel}

    def size(self) -> int:
        return 17


class Door:
    def accept(self, guest: Guest) -> None:
        {door}

    def colour(self) -> str:
        return "red"


class Car:
    def __init__(self) -> None:
        self._parts: list[Part] = []

    def attach(self, part: Part) -> None:
        self._parts.append(part)

    def accept(self, guest: Guest) -> None:
        for part in self._parts:
            part.accept(guest)


def build() -> Car:
    car = Car()
    car.attach(Wheel())
    car.attach(Door())
    return car
"""


def _chain(tmp_path: Path, wheel: str, door: str) -> set[str]:
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "car.py").write_text(RUNNER.replace("{wheel}", wheel).replace("{door}", door))
    rows = patterns_rows(tmp_path, "app")
    return {str(r["symbol"]) for r in rows if r["pattern"] == "chain_of_responsibility"}


def test_elements_calling_the_visitor_back_are_no_chain(tmp_path: Path) -> None:
    assert _chain(tmp_path, "guest.visit_wheel(self)", "guest.visit_door(self)") == set()


def test_handlers_acting_on_what_they_are_handed_are_a_chain(tmp_path: Path) -> None:
    # The near miss: each part acts on the guest it is handed, not calling it back with itself.
    found = _chain(tmp_path, "guest.visit_wheel(Wheel())", "guest.visit_door(Door())")
    assert {"Part", "Wheel", "Door"} <= found
