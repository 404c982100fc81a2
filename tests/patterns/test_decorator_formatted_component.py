"""A subclass of a base that defines `__str__`, handed an object of that base and answering
`__str__` with an f-string of it (`f"[{self.shape}]"`), forwards `__str__` to it without
naming a method: a decorator, the base its component. When the base defines no `__str__`
there is nothing of the interface to forward, and nothing is reported. Through `agentls
patterns` run as a subprocess, the form beside its near miss."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

SHAPES = """\
class Shape:
    def __str__(self):
        return "shape"


class Circle(Shape):
    def __init__(self, radius):
        self.radius = radius

    def __str__(self):
        return f"circle {self.radius}"


class Framed(Shape):
    def __init__(self, shape, width):
        self.shape = shape
        self.width = width

    def __str__(self):
        return f"[{self.shape}] framed {self.width}"


print(Framed(Circle(1), 2))
"""

# The one change: the base declares an area, not `__str__`; the framing formats its part.
NO_STR = SHAPES.replace('    def __str__(self):\n        return "shape"', "    def area(self):\n        return 0")


def _decorators(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"shapes/draw.py": text})
    return roles_of(patterns_rows(tmp_path, "shapes", "--min-confidence", "0"), "decorator")


def test_an_fstring_of_the_held_component_forwards_str(tmp_path: Path) -> None:
    assert _decorators(tmp_path, SHAPES) == {"Framed": "decorator", "Shape": "component"}


def test_no_str_in_the_base_is_no_decoration(tmp_path: Path) -> None:
    assert _decorators(tmp_path, NO_STR) == {}
