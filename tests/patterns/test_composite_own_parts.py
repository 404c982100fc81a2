"""The root of a small hierarchy recursing over a public list is a composite when its clients
fill the list (`picture.children.append(Circle())`), and not when the class fills the list
itself with parts of another kind it builds (a schedule field compiling its clauses): its
subclasses are then no leaves. Through `agentls patterns` run as a subprocess, the form beside
its one-change near miss."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

SHAPES = """\
class Shape:
    def __init__(self) -> None:
        self.children: list = []

    def draw(self) -> list[str]:
        out: list[str] = []
        for child in self.children:
            out.extend(child.draw())
        return out


class Circle(Shape):
    def draw(self) -> list[str]:
        return ["circle"]


class Square(Shape):
    def draw(self) -> list[str]:
        return ["square"]


def picture() -> Shape:
    whole = Shape()
    whole.children.append(Circle())
    whole.children.append(Square())
    return whole
"""

# The same root, but the list is filled by the class from its own spec, with clauses of
# another class (nothing outside adds to it).
FIELDS = """\
class Clause:
    def __init__(self, text: str) -> None:
        self.text = text

    def draw(self) -> list[str]:
        return [self.text]


class Shape:
    def __init__(self, spec: str) -> None:
        self.children: list = []
        for text in spec.split(","):
            self.children.append(Clause(text))

    def draw(self) -> list[str]:
        out: list[str] = []
        for child in self.children:
            out.extend(child.draw())
        return out


class Circle(Shape):
    def draw(self) -> list[str]:
        return ["circle"]


class Square(Shape):
    def draw(self) -> list[str]:
        return ["square"]


def picture() -> Shape:
    return Shape("a,b")
"""


def _composites(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/shapes.py": text})
    rows = patterns_rows(tmp_path, "app")
    return {str(r["symbol"]): str(r["role"]) for r in rows if r["pattern"] == "composite"}


def test_a_list_its_clients_fill(tmp_path: Path) -> None:
    assert _composites(tmp_path, SHAPES) == {"Shape": "composite", "Circle": "leaf", "Square": "leaf"}


def test_a_list_the_class_fills_with_parts_it_builds(tmp_path: Path) -> None:
    assert _composites(tmp_path, FIELDS) == {}
