"""A parameterized factory method: the base's `order(kind)` calls `self.make(kind)`, and each
subclass's `make` chooses by `kind` among the same classes, handing them its own settings.
Through `agentls patterns` run as a subprocess, the base is the `creator` and both subclasses
`concrete_creator`s, though they make the same classes. The near miss, one branch away:
subclasses whose `make` always builds the one same class (only the settings differ) choose
nothing, and are no Factory Method, as before."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

SHOP = """\
from abc import ABC, abstractmethod


class Lamp(ABC):
    def __init__(self, volts: int) -> None:
        self.volts = volts

    @abstractmethod
    def light(self) -> None: ...


class Bulb(Lamp):
    def light(self) -> None:
        print("bulb", self.volts)


class Tube(Lamp):
    def light(self) -> None:
        print("tube", self.volts)


class Shop(ABC):
    def order(self, kind: str) -> Lamp:
        lamp = self.make(kind)
        lamp.light()
        return lamp

    @abstractmethod
    def make(self, kind: str) -> Lamp: ...


class EuShop(Shop):
    def make(self, kind: str) -> Lamp:
        lamp = None
        if kind == "bulb":
            lamp = Bulb(230)
        elif kind == "tube":
            lamp = OTHER(230)
        return lamp


class UsShop(Shop):
    def make(self, kind: str) -> Lamp:
        lamp = None
        if kind == "bulb":
            lamp = Bulb(110)
        elif kind == "tube":
            lamp = OTHER(110)
        return lamp
"""


def _factory(tmp_path: Path, other: str) -> set[tuple[str, str]]:
    """(symbol, role) of every factory row: a concrete creator choosing by its argument is
    also reported as a factory class."""
    write_tree(tmp_path, {"app/__init__.py": "", "app/shop.py": SHOP.replace("OTHER", other)})
    return {(str(r["symbol"]), str(r["role"])) for r in patterns_rows(tmp_path, "app") if r["pattern"] == "factory"}


def test_subclasses_each_choosing_among_the_same_classes_are_creators(tmp_path: Path) -> None:
    found = _factory(tmp_path, "Tube")
    assert ("Shop", "creator") in found
    assert ("EuShop", "concrete_creator") in found
    assert ("UsShop", "concrete_creator") in found


def test_subclasses_always_making_the_same_class_choose_nothing(tmp_path: Path) -> None:
    found = {symbol for symbol, _ in _factory(tmp_path, "Bulb")}
    assert "Shop" not in found and "EuShop" not in found and "UsShop" not in found
