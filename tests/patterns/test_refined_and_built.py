"""A builder filling its product through the product's own methods (not an adapter of it), and
a refined abstraction extending its base's delegating operation through `super()` (a Bridge,
not a Strategy context), through `agentls patterns` run as a subprocess: each form beside its
one-change near miss."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.patterns.cli import patterns_rows

SHEETS = """\
from typing import Protocol


class Report:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def add_line(self, text: str) -> None:
{add_line}


class Sheet(Protocol):
    def header(self) -> None: ...

    def footer(self) -> None: ...

    def result(self) -> Report: ...


class PlainSheet(Sheet):
    def __init__(self) -> None:
        self.report = Report()

    def header(self) -> None:
        self.report.add_line("top")

    def footer(self) -> None:
        self.report.add_line("end")

    def result(self) -> Report:
        return self.report


class Clerk:
    def __init__(self, sheet: Sheet) -> None:
        self.sheet = sheet

    def make(self) -> None:
        self.sheet.header()
        self.sheet.footer()
"""

SHAPES = """\
class Renderer:
    def draw(self, shape: str) -> str:
        raise NotImplementedError


class Svg(Renderer):
    def draw(self, shape: str) -> str:
        return f"<{shape}/>"


class Ascii(Renderer):
    def draw(self, shape: str) -> str:
        return f"[{shape}]"


class Shape:
    def __init__(self, renderer: Renderer) -> None:
        self._renderer = renderer

    def show(self) -> str:
        return self._renderer.draw("shape")


class Circle(Shape):
{circle}
"""


def _rows(tmp_path: Path, files: dict[str, str]) -> dict[tuple[str, str], dict[str, Any]]:
    for name, text in files.items():
        (tmp_path / "app").mkdir(exist_ok=True)
        (tmp_path / "app" / name).write_text(text)
    rows = patterns_rows(tmp_path, "app")
    return {(str(r["symbol"]), str(r["pattern"])): r for r in rows}


def test_a_builder_filling_its_product_through_the_products_method(tmp_path: Path) -> None:
    rows = _rows(tmp_path, {"sheets.py": SHEETS.replace("{add_line}", "        self.lines.append(text)")})
    roles = {key[0]: r["role"] for key, r in rows.items() if key[1] == "builder"}
    assert roles == {"Report": "product", "Sheet": "builder", "PlainSheet": "builder", "Clerk": "director"}
    assert not [key for key in rows if key[1] == "adapter"]


def test_calling_a_method_that_records_nothing_builds_nothing(tmp_path: Path) -> None:
    # The near miss: `add_line` prints, the report keeps nothing.
    rows = _rows(tmp_path, {"sheets.py": SHEETS.replace("{add_line}", "        print(text)")})
    assert ("PlainSheet", "builder") not in rows
    assert not [key for key in rows if key[1] == "adapter"]


def test_a_refined_abstraction_extending_the_delegating_operation(tmp_path: Path) -> None:
    circle = '    def show(self) -> str:\n        return "circle " + super().show()\n'
    rows = _rows(tmp_path, {"shapes.py": SHAPES.replace("{circle}", circle)})
    roles = {key[0]: r["role"] for key, r in rows.items() if key[1] == "bridge"}
    assert roles == {
        "Renderer": "implementor",
        "Svg": "concrete_implementor",
        "Ascii": "concrete_implementor",
        "Shape": "abstraction",
        "Circle": "refined_abstraction",
    }
    assert not [key for key in rows if key[1] == "strategy"]


def test_a_subclass_adding_an_operation_of_its_own(tmp_path: Path) -> None:
    # The near miss: `Circle` refines nothing that goes through the renderer.
    circle = "    def radius(self) -> int:\n        return 3\n"
    rows = _rows(tmp_path, {"shapes.py": SHAPES.replace("{circle}", circle)})
    assert not [key for key in rows if key[1] == "bridge"]
    assert rows[("Shape", "strategy")]["role"] == "context"
