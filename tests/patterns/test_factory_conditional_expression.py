"""A factory written as one conditional expression (`return Circle() if kind == "circle" else
Square()`) chooses between two classes as an `if` with two `return`s does, through `agentls
patterns` run as a subprocess, beside its near miss: the same expression choosing between two
values of one class (a constructor wrapper with a branch, no choice of class)."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

SHAPES = """\
from abc import ABC, abstractmethod


class Shape(ABC):
    @abstractmethod
    def area(self) -> float: ...


class Circle(Shape):
    def area(self) -> float:
        return 3.14


class Square(Shape):
    def area(self) -> float:
        return 1.0
"""

CHOOSING = """\
from app.shapes import Circle, Shape, Square


def make_shape(kind: str) -> Shape:
    return Circle() if kind == "circle" else Square()
"""

ONE_CLASS = """\
from app.shapes import Circle


def make_circle(big: bool) -> Circle:
    return Circle() if big else Circle()
"""


def _factories(tmp_path: Path, module: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/shapes.py": SHAPES, "app/make.py": module})
    rows = patterns_rows(tmp_path, "app")
    return {str(r["symbol"]): str(r["role"]) for r in rows if r["pattern"] == "factory"}


def test_a_conditional_expression_choosing_the_class_is_a_factory(tmp_path: Path) -> None:
    found = _factories(tmp_path, CHOOSING)
    assert found.get("make_shape") == "factory"
    assert found.get("Circle") == "product" and found.get("Square") == "product"


def test_a_conditional_expression_making_one_class_is_no_factory(tmp_path: Path) -> None:
    assert "make_circle" not in _factories(tmp_path, ONE_CLASS)
