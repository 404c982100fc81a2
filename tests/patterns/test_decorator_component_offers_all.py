"""A decorator's component is what the wrapped object must be: the top of the hierarchy
offering every method the decorator forwards. Through `agentls patterns` run as a subprocess:
`Counted(Shape)` forwards `draw` (declared by `Shape`) and `tag` (declared by the `Tagged`
above it), so the component is `Shape`, not `Tagged`, which offers no `draw`. The near miss,
one method away: when `Tagged` declares `draw` too, it offers everything forwarded and is the
component, as the top of the hierarchy always was."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

SHAPES = """\
class Tagged:
    def tag(self) -> str:
        return ""
TOP_DRAW

class Shape(Tagged):
    def draw(self) -> None:
        pass


class Circle(Shape):
    def draw(self) -> None:
        print("o")

    def tag(self) -> str:
        return "circle"


class Counted(Shape):
    drawn = 0

    def __init__(self, inner: Shape) -> None:
        self.inner = inner

    def draw(self) -> None:
        Counted.drawn += 1
        self.inner.draw()

    def tag(self) -> str:
        return self.inner.tag()
"""

DRAW = """
    def draw(self) -> None:
        pass
"""


def _decorator(tmp_path: Path, top_draw: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/shapes.py": SHAPES.replace("TOP_DRAW\n", top_draw)})
    return roles_of(patterns_rows(tmp_path, "app"), "decorator")


def test_the_component_offers_everything_forwarded(tmp_path: Path) -> None:
    found = _decorator(tmp_path, "")
    assert found.get("Counted") == "decorator"
    assert found.get("Shape") == "component"
    assert "Tagged" not in found


def test_a_top_offering_everything_is_the_component(tmp_path: Path) -> None:
    found = _decorator(tmp_path, DRAW)
    assert found.get("Counted") == "decorator"
    assert found.get("Tagged") == "component"
