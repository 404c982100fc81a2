"""Object adapters in two forms the GoF example collections write, through `agentls patterns`
run as a subprocess, each beside its near miss:

- over an adaptee held as an abstraction (`TurkeyAdapter(Duck)` handed a `Turkey`, an ABC
  with its own implementation), serving every abstract method of the target through it
  beside a `MallardDuck` holding nothing: an adapter; a bridge's abstractions (each shape
  holding the same renderer abstraction and drawing through it, computing its area itself)
  are not;
- keeping a constant table set up once in its constructor (`self._required = {...}`, only
  read): still an adapter; one filling a list of what it converted (storage of its own) is
  not."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

DUCKS = """\
from abc import ABC, abstractmethod


class Duck(ABC):
    @abstractmethod
    def quack(self) -> None: ...

    @abstractmethod
    def fly(self) -> None: ...


class MallardDuck(Duck):
    def quack(self) -> None:
        print("Quack")

    def fly(self) -> None:
        print("flying")


class Turkey(ABC):
    @abstractmethod
    def gobble(self) -> None: ...

    @abstractmethod
    def hop(self) -> None: ...


class WildTurkey(Turkey):
    def gobble(self) -> None:
        print("Gobble")

    def hop(self) -> None:
        print("hop")


class TurkeyAdapter(Duck):
    def __init__(self, turkey: Turkey) -> None:
        self.turkey = turkey

    def quack(self) -> None:
        self.turkey.gobble()

    def fly(self) -> None:
        self.turkey.hop()
"""

SHAPES = """\
from abc import ABC, abstractmethod


class Renderer(ABC):
    @abstractmethod
    def render_circle(self, radius: float) -> None: ...

    @abstractmethod
    def render_square(self, side: float) -> None: ...


class VectorRenderer(Renderer):
    def render_circle(self, radius: float) -> None:
        print("vector circle", radius)

    def render_square(self, side: float) -> None:
        print("vector square", side)


class PixelRenderer(Renderer):
    def render_circle(self, radius: float) -> None:
        print("pixel circle", radius)

    def render_square(self, side: float) -> None:
        print("pixel square", side)


class Shape(ABC):
    @abstractmethod
    def draw(self) -> None: ...

    @abstractmethod
    def area(self) -> float: ...


class Circle(Shape):
    def __init__(self, renderer: Renderer, radius: float) -> None:
        self.renderer = renderer
        self.radius = radius

    def draw(self) -> None:
        self.renderer.render_circle(self.radius)

    def area(self) -> float:
        return 3.14 * self.radius * self.radius


class Square(Shape):
    def __init__(self, renderer: Renderer, side: float) -> None:
        self.renderer = renderer
        self.side = side

    def draw(self) -> None:
        self.renderer.render_square(self.side)

    def area(self) -> float:
        return self.side * self.side
"""

SOURCES = """\
from abc import ABC, abstractmethod


class Source(ABC):
    @abstractmethod
    def records(self) -> list[dict]: ...

    @abstractmethod
    def count(self) -> int: ...


class ListSource(Source):
    def __init__(self, rows: list[dict]) -> None:
        self.rows = rows

    def records(self) -> list[dict]:
        return self.rows

    def count(self) -> int:
        return len(self.rows)


class LegacyReader:
    def load_rows(self) -> list[dict]:
        return [{"id": "1", "value": "2"}]

    def row_total(self) -> int:
        return 1


class ReaderAdapter(Source):
    def __init__(self, reader: LegacyReader) -> None:
        self.reader = reader
        self._required = {"id", "value"}

    def records(self) -> list[dict]:
        return [r for r in self.reader.load_rows() if self._required <= r.keys()]

    def count(self) -> int:
        return self.reader.row_total()
"""

HOARDING = SOURCES.replace('self._required = {"id", "value"}', "self._seen: list[dict] = []").replace(
    "return [r for r in self.reader.load_rows() if self._required <= r.keys()]",
    "rows = self.reader.load_rows()\n        self._seen.extend(rows)\n        return rows",
)


def _adapter(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/main.py": text})
    return {str(r["symbol"]): str(r["role"]) for r in patterns_rows(tmp_path, "app") if r["pattern"] == "adapter"}


def test_an_adapter_over_an_abstract_adaptee_serving_every_target_method(tmp_path: Path) -> None:
    found = _adapter(tmp_path, DUCKS)
    assert found.get("TurkeyAdapter") == "adapter"
    assert found.get("Duck") == "target" and found.get("Turkey") == "adaptee"


def test_shapes_drawing_through_a_shared_renderer_abstraction_are_no_adapters(tmp_path: Path) -> None:
    found = _adapter(tmp_path, SHAPES)
    assert "Circle" not in found and "Square" not in found


def test_an_adapter_keeping_a_constant_table_is_an_adapter(tmp_path: Path) -> None:
    found = _adapter(tmp_path, SOURCES)
    assert found.get("ReaderAdapter") == "adapter" and found.get("LegacyReader") == "adaptee"


def test_a_wrapper_filling_a_list_of_its_own_is_no_adapter(tmp_path: Path) -> None:
    assert "ReaderAdapter" not in _adapter(tmp_path, HOARDING)
