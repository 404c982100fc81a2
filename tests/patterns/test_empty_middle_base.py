"""An empty base between an abstract class and its implementations (`class _Common(View):
pass`, a place for shared helpers) implements nothing: the classes deriving it are the
implementations. Model-View-Controller over abstract model and view, and a Bridge whose
refined abstractions sit below such a base, through `agentls patterns` run as a subprocess,
each beside its near miss (the middle class has a method of its own: an implementation of the
view that presents nothing; the abstraction the bridge's subclasses refine)."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

SHOP = """\
from abc import ABC, abstractmethod


class Catalogue(ABC):
    @abstractmethod
    def find(self, name: str) -> dict: ...


class Screen(ABC):
    @abstractmethod
    def show_entry(self, name: str, entry: dict) -> None: ...

    @abstractmethod
    def show_missing(self, name: str) -> None: ...


class _ScreenCommon(Screen):
{middle}

class TextScreen(_ScreenCommon):
    def show_entry(self, name: str, entry: dict) -> None:
        print(f"{{name}}: {{entry}}")

    def show_missing(self, name: str) -> None:
        print(f"no {{name}}")


class ShelfCatalogue(Catalogue):
    def __init__(self) -> None:
        self.entries = {{"tea": {{"price": 3}}}}

    def find(self, name: str) -> dict:
        return self.entries[name]


class Desk:
    def __init__(self, catalogue: Catalogue, screen: Screen) -> None:
        self.catalogue = catalogue
        self.screen = screen

    def look_up(self, name: str) -> None:
        try:
            entry = self.catalogue.find(name)
        except KeyError:
            self.screen.show_missing(name)
        else:
            self.screen.show_entry(name, entry)
"""

EMPTY = "    pass\n"

# A method of its own that keeps what it is given: the middle class is an implementation
# itself, and it presents nothing.
KEEPS = """\
    def remember(self, name: str) -> None:
        self.last = name
"""


def _mvc_roles(tmp_path: Path, middle: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/shop.py": SHOP.format(middle=middle)})
    rows = patterns_rows(tmp_path, "app")
    return {str(r["symbol"]): str(r["role"]) for r in rows if r["pattern"] == "mvc"}


def test_an_empty_base_between_the_view_and_its_implementation_implements_nothing(tmp_path: Path) -> None:
    roles = _mvc_roles(tmp_path, EMPTY)
    assert roles["Desk"] == "controller"
    assert roles["Screen"] == "view"
    assert roles["TextScreen"] == "view"


def test_a_middle_class_with_a_method_of_its_own_is_an_implementation(tmp_path: Path) -> None:
    assert _mvc_roles(tmp_path, KEEPS) == {}


REPORTS = """\
from abc import ABC, abstractmethod


class Sink(ABC):
    @abstractmethod
    def write(self, text: str) -> None: ...


class FileSink(Sink):
    def write(self, text: str) -> None:
        with open("out.txt", "a") as out:
            out.write(text)


class ScreenSink(Sink):
    def write(self, text: str) -> None:
        print(text)


class Report(ABC):
    @abstractmethod
    def emit(self, rows: list[str]) -> None: ...


class _ReportCommon(Report):
{middle}

class Summary(_ReportCommon):
    def __init__(self, sink: Sink) -> None:
        self.sink = sink

    def emit(self, rows: list[str]) -> None:
        self.sink.write(f"{{len(rows)}} rows")


class Detail(_ReportCommon):
    def __init__(self, sink: Sink) -> None:
        self.sink = sink

    def emit(self, rows: list[str]) -> None:
        for row in rows:
            self.sink.write(row)
"""

# A helper of its own: the middle class is the abstraction its subclasses refine.
HELPER = """\
    def title(self) -> str:
        return type(self).__name__
"""


def _bridge_roles(tmp_path: Path, middle: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/reports.py": REPORTS.format(middle=middle)})
    rows = patterns_rows(tmp_path, "app")
    return {str(r["symbol"]): str(r["role"]) for r in rows if r["pattern"] == "bridge"}


def test_refined_abstractions_below_an_empty_base_make_the_interface_the_abstraction(tmp_path: Path) -> None:
    roles = _bridge_roles(tmp_path, EMPTY)
    assert roles["Report"] == "abstraction"
    assert roles["Summary"] == roles["Detail"] == "refined_abstraction"
    assert roles["Sink"] == "implementor"


def test_below_a_middle_class_with_a_helper_that_class_is_the_abstraction(tmp_path: Path) -> None:
    roles = _bridge_roles(tmp_path, HELPER)
    assert roles.get("Report") != "abstraction"
    assert roles["_ReportCommon"] == "abstraction"
