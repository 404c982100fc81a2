"""A class serving each method of an interface the program declares by one request of the
object handed to its constructor, one at least renamed (`PlotterAsPrinter(Printer)`:
`print_page()` calling `self.plotter.draw_sheet()`, `feed()` calling `self.plotter.feed()`),
through `agentls patterns` run as a subprocess: it converts that object, an adapter, not an
invoker of commands nor a strategy's context, whether it names the interface as its base or
matches a `Protocol` by its methods. The near miss, one change away: a panel triggering the
same requests under names of its own (`press_print`, `press_feed`) that no interface declares
stays an invoker."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, role_map, write_tree

DEVICES = """\
from abc import ABC, abstractmethod


class Printer(ABC):
    @abstractmethod
    def print_page(self) -> None: ...

    @abstractmethod
    def feed(self) -> None: ...


class Plotter(ABC):
    @abstractmethod
    def draw_sheet(self) -> None: ...

    @abstractmethod
    def feed(self) -> None: ...


class LaserPrinter(Printer):
    def print_page(self) -> None:
        print("laser page")

    def feed(self) -> None:
        print("tray feed")


class PenPlotter(Plotter):
    def draw_sheet(self) -> None:
        print("pen sheet")

    def feed(self) -> None:
        print("roll feed")


class PlotterAsPrinter(Printer):
    def __init__(self, plotter: Plotter) -> None:
        self.plotter = plotter

    def print_page(self) -> None:
        self.plotter.draw_sheet()

    def feed(self) -> None:
        self.plotter.feed()


class PrinterAsPlotter(Plotter):
    def __init__(self, printer: Printer) -> None:
        self.printer = printer

    def draw_sheet(self) -> None:
        self.printer.print_page()

    def feed(self) -> None:
        for _ in range(2):
            self.printer.feed()
"""

PANEL = (
    DEVICES.replace("class PrinterAsPlotter(Plotter):", "class Panel:")
    .replace(
        "def draw_sheet(self) -> None:\n        self.printer", "def press_print(self) -> None:\n        self.printer"
    )
    .replace("def feed(self) -> None:\n        for", "def press_feed(self) -> None:\n        for")
)

SHAPES = """\
from typing import Protocol


class Printer(Protocol):
    def print_page(self) -> None: ...

    def feed(self) -> None: ...


class Plotter(Protocol):
    def draw_sheet(self) -> None: ...

    def feed(self) -> None: ...
"""

BASELESS = """\
from app.shapes import Printer


class LaserPrinter(Printer):
    def print_page(self) -> None:
        print("laser page")

    def feed(self) -> None:
        print("tray feed")


class InkPrinter(Printer):
    def __init__(self, cartridge: str) -> None:
        self.cartridge = cartridge

    def print_page(self) -> None:
        print("ink page", self.cartridge)

    def feed(self) -> None:
        print("sheet feed")


class PrinterAsPlotter:
    def __init__(self, printer: Printer) -> None:
        self.printer = printer

    def draw_sheet(self) -> None:
        self.printer.print_page()

    def feed(self) -> None:
        self.printer.feed()
"""


def _roles(tmp_path: Path, files: dict[str, str]) -> dict[tuple[str, str], str]:
    write_tree(tmp_path, {"app/__init__.py": "", **files})
    return role_map(patterns_rows(tmp_path, "app"))


def test_two_way_adapters_are_no_invokers(tmp_path: Path) -> None:
    found = _roles(tmp_path, {"app/devices.py": DEVICES})
    assert not [k for k in found if k[1] == "command"]
    assert found.get(("PlotterAsPrinter", "adapter")) == "adapter"
    assert found.get(("PrinterAsPlotter", "adapter")) == "adapter"


def test_a_protocol_matched_by_its_methods_is_the_interface_presented(tmp_path: Path) -> None:
    found = _roles(tmp_path, {"app/shapes.py": SHAPES, "app/devices.py": BASELESS})
    # no class of the family read as a command or a strategy: not the holder
    # (invoker, context), nor the printers it holds (concrete command or strategy)
    assert not [k for k in found if k[1] in ("command", "strategy")]


def test_a_panel_triggering_under_its_own_names_stays_an_invoker(tmp_path: Path) -> None:
    assert "class Panel:" in PANEL and "press_feed" in PANEL
    found = _roles(tmp_path, {"app/devices.py": PANEL})
    assert found.get(("Panel", "command")) == "invoker"


HELPED = (
    DEVICES.replace(
        "    def feed(self) -> None: ...",
        "    def level(self) -> int: ...\n\n    @abstractmethod\n    def feed(self) -> None: ...",
    )
    .replace('print("laser page")\n', 'print("laser page")\n\n    def level(self) -> int:\n        return 3\n')
    .replace('print("pen sheet")\n', 'print("pen sheet")\n\n    def level(self) -> int:\n        return 5\n')
    .replace(
        "    def feed(self) -> None:\n        self.plotter.feed()",
        "    def level(self) -> int:\n        return self.plotter.level() * 2\n\n"
        '    def feed(self) -> None:\n        print("feeding at level", self.level())',
    )
    .replace(
        "    def feed(self) -> None:\n        for _ in range(2):\n            self.printer.feed()",
        "    def level(self) -> int:\n        return self.printer.level() // 2\n\n"
        '    def feed(self) -> None:\n        print("feeding at level", self.level())',
    )
)


def test_a_method_served_through_its_own_helper_still_translates(tmp_path: Path) -> None:
    found = _roles(tmp_path, {"app/devices.py": HELPED})
    assert not [k for k in found if k[1] == "command"]


def test_an_interface_method_with_a_default_body_is_presented_too(tmp_path: Path) -> None:
    # `Printer.feed` given a default body beside the abstract `print_page`, and the same for
    # `Plotter.feed`: the adapters still present every method their interface declares.
    text = DEVICES.replace(
        "    @abstractmethod\n    def feed(self) -> None: ...", "    def feed(self) -> None:\n        pass"
    )
    assert text.count("pass") == 2
    found = _roles(tmp_path, {"app/devices.py": text})
    assert not [k for k in found if k[1] == "command"]
