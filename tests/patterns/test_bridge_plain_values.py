"""A refined abstraction handed plain values beside its implementor (a circle given its centre
and radius and the drawing API it draws through) is still handed one object only: the numbers
are the abstraction's own state, so the one refined abstraction carrying out its abstraction's
operation through the implementor makes a Bridge, through `agentls patterns` run as a
subprocess. The near miss: the same circle also handed a second object whose methods it calls
(a clock it asks for the time) is a class composed over several collaborators, and the holder
stays a Strategy context."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, role_map, write_tree

SHAPES = """\
class Renderer:
    def circle(self, x, y, radius):
        pass


class VectorRenderer(Renderer):
    def circle(self, x, y, radius):
        print("vector circle", x, y, radius)


class RasterRenderer(Renderer):
    def circle(self, x, y, radius):
        print("raster circle", x, y, radius)


class Shape:
    def draw(self):
        pass

    def scale(self, factor):
        pass


class Circle(Shape):
    def __init__(PARAMS):
        self.x = x
        self.y = y
        self.radius = radius
        self.renderer = renderer
        EXTRA

    def draw(self):
        STAMPself.renderer.circle(self.x, self.y, self.radius)

    def scale(self, factor):
        self.radius *= factor


def main():
    for shape in [Circle(ARGS1), Circle(ARGS2)]:
        shape.scale(2)
        shape.draw()
"""


def _roles(tmp_path: Path, *, clock: bool) -> dict[tuple[str, str], str]:
    text = SHAPES
    if clock:
        text = (
            text.replace("PARAMS", "self, x, y, radius, renderer, clock")
            .replace("EXTRA", "self.clock = clock")
            .replace("STAMP", "print(self.clock.now())\n        ")
            .replace("ARGS1", "1, 2, 3, VectorRenderer(), None")
            .replace("ARGS2", "4, 5, 6, RasterRenderer(), None")
        )
    else:
        text = (
            text.replace("PARAMS", "self, x, y, radius, renderer")
            .replace("        EXTRA\n", "")
            .replace("STAMP", "")
            .replace("ARGS1", "1, 2, 3, VectorRenderer()")
            .replace("ARGS2", "4, 5, 6, RasterRenderer()")
        )
    write_tree(tmp_path, {"app/__init__.py": "", "app/shapes.py": text})
    return role_map(patterns_rows(tmp_path, "app", "--min-confidence", "0"))


def test_plain_values_beside_the_implementor_leave_a_bridge(tmp_path: Path) -> None:
    roles = _roles(tmp_path, clock=False)
    assert roles.get(("Shape", "bridge")) == "abstraction"
    assert roles.get(("Circle", "bridge")) == "refined_abstraction"
    assert roles.get(("Renderer", "bridge")) == "implementor"
    assert ("Circle", "strategy") not in roles


def test_a_second_called_collaborator_keeps_a_strategy_context(tmp_path: Path) -> None:
    roles = _roles(tmp_path, clock=True)
    assert ("Circle", "bridge") not in roles
    assert roles.get(("Circle", "strategy")) == "context"
