"""A factory may fill its table by introspection: a method of its class walks a module's
members (`inspect.getmembers(shapes, isclass)`) and keeps those passing a subclass check
(`issubclass(kind, Shape)`) under their name, and the creation method instantiates the one its
argument names (`return self.kinds[name]()`). The classes the table can hold are the
concrete subclasses of the checked base: the method is a factory of them, through `agentls
patterns` run as a subprocess. The near miss: the same loader keeping the module's functions
(`isfunction`, no subclass check) and calling the one named: a table of plug-in hooks, no
factory."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.patterns.cli import patterns_rows, role_map, write_tree

SHAPES = """\
from abc import ABC, abstractmethod


class Shape(ABC):
    @abstractmethod
    def area(self):
        pass


class Square(Shape):
    def area(self):
        return 4


class Disc(Shape):
    def area(self):
        return 3


def grow(size):
    return size * 2


def shrink(size):
    return size // 2
"""

MAKER = """\
from inspect import getmembers, isclass, isfunction

from app import shapes
from app.shapes import Shape


class Maker:
    kinds = {}

    def __init__(self):
        self.load()

    def load(self):
        for name, kind in getmembers(shapes, PICK):
            if CHECK:
                STORE

    def make(self, name):
        if name in self.kinds:
            return self.kinds[name]()
        raise ValueError(name)
"""


@pytest.mark.parametrize("store", ["self.kinds[name] = kind", "self.kinds.update([[name, kind]])"])
def test_classes_loaded_past_a_subclass_check_are_made_by_name(tmp_path: Path, store: str) -> None:
    maker = MAKER.replace("PICK", "isclass").replace("CHECK", "issubclass(kind, Shape)").replace("STORE", store)
    write_tree(tmp_path, {"app/__init__.py": "", "app/shapes.py": SHAPES, "app/maker.py": maker})
    roles = role_map(patterns_rows(tmp_path, "app", "--min-confidence", "0"))
    assert roles.get(("Maker.make", "factory")) == "factory"
    assert roles.get(("Square", "factory")) == "product"
    assert roles.get(("Disc", "factory")) == "product"


def test_functions_loaded_by_name_are_hooks_not_products(tmp_path: Path) -> None:
    store = "self.kinds[name] = kind"
    maker = MAKER.replace("PICK", "isfunction").replace("CHECK", "callable(kind)").replace("STORE", store)
    write_tree(tmp_path, {"app/__init__.py": "", "app/shapes.py": SHAPES, "app/maker.py": maker})
    roles = role_map(patterns_rows(tmp_path, "app", "--min-confidence", "0"))
    assert ("Maker.make", "factory") not in roles
    assert ("Square", "factory") not in roles
