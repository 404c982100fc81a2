"""Factories choosing the class from a module table, in the forms Python code writes them,
through `agentls patterns` run as a subprocess, each beside a near miss: a table of lambdas
that make the products (beside one of lambdas computing values), and the class looked up into
a local before it is made (beside the same lookup of plain functions, called)."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows

SHAPES = """\
from abc import ABC, abstractmethod


class Shape(ABC):
    @abstractmethod
    def area(self) -> float: ...


class Circle(Shape):
    def __init__(self, size: float) -> None:
        self.size = size

    def area(self) -> float:
        return 3.14 * self.size * self.size


class Square(Shape):
    def __init__(self, size: float) -> None:
        self.size = size

    def area(self) -> float:
        return self.size * self.size
"""

LAMBDAS = """\
from app.shapes import Circle, Shape, Square

MAKERS = {
    "circle": lambda size: Circle(size),
    "square": lambda size: Square(size),
}


def make_shape(kind: str, size: float) -> Shape:
    return MAKERS[kind](size)
"""

OPERATIONS = """\
OPERATIONS = {
    "double": lambda x: x * 2,
    "negate": lambda x: -x,
}


def apply(name: str, x: float) -> float:
    return OPERATIONS[name](x)
"""

LOOKED_UP = """\
from app.shapes import Circle, Shape, Square

KINDS = {"circle": Circle, "square": Square}


def build(kind: str, size: float) -> Shape:
    cls = KINDS[kind]
    return cls(size)
"""

HANDLERS = """\
def greet(name: str) -> str:
    return f"hello {name}"


def part(name: str) -> str:
    return f"bye {name}"


HANDLERS = {"greet": greet, "part": part}


def handle(event: str, name: str) -> str:
    handler = HANDLERS[event]
    return handler(name)
"""


def _factories(tmp_path: Path, files: dict[str, str]) -> dict[str, str]:
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "__init__.py").write_text("")
    for name, text in files.items():
        (tmp_path / "app" / name).write_text(text)
    rows = patterns_rows(tmp_path, "app")
    return {str(r["symbol"]): str(r["role"]) for r in rows if r["pattern"] == "factory"}


def test_a_table_of_lambdas_making_the_products_is_a_factory(tmp_path: Path) -> None:
    found = _factories(tmp_path, {"shapes.py": SHAPES, "makers.py": LAMBDAS, "ops.py": OPERATIONS})
    assert found.get("make_shape") == "factory"
    assert found.get("Circle") == "product" and found.get("Square") == "product"
    assert "apply" not in found  # its lambdas compute values: no class is chosen


def test_the_class_looked_up_into_a_local_then_made_is_a_factory(tmp_path: Path) -> None:
    found = _factories(tmp_path, {"shapes.py": SHAPES, "build.py": LOOKED_UP, "handlers.py": HANDLERS})
    assert found.get("build") == "factory"
    assert "handle" not in found  # the same lookup of functions, called: a dispatch table
