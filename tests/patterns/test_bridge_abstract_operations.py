"""An abstract class handed an implementor in its constructor for good, using it in an
operation of its own (`publish` printing through `self.printer`), whose two or more
subclasses carry out its other abstract operations (`title`), is a bridge's abstraction even when
those subclasses never touch the implementor: two hierarchies varying apart. When clients
swap the implementor through a setter instead, the class is a strategy's context. Through
`agentls patterns` run as a subprocess, the form beside its near miss."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

REPORTS = """\
from abc import ABC, abstractmethod


class Printer(ABC):
    @abstractmethod
    def print_text(self, text): ...


class Laser(Printer):
    def print_text(self, text):
        print("laser", text)


class Ink(Printer):
    def print_text(self, text):
        print("ink", text)


class Report(ABC):
    def __init__(self, printer):
        self.printer = printer

    @abstractmethod
    def title(self): ...

    def publish(self, text):
        self.printer.print_text(text)


class Sales(Report):
    def title(self):
        return "sales"


class Stock(Report):
    def title(self):
        return "stock"


if __name__ == "__main__":
    Sales(Laser()).publish("q1")
    Stock(Ink()).publish("q2")
"""

# The one change: the printer is set, and swapped, through a setter.
SWAPPED = REPORTS.replace(
    "    def __init__(self, printer):\n        self.printer = printer\n",
    "    def set_printer(self, printer):\n        self.printer = printer\n",
).replace(
    '    Sales(Laser()).publish("q1")\n    Stock(Ink()).publish("q2")\n',
    '    report = Sales()\n    report.set_printer(Laser())\n    report.publish("q1")\n'
    '    report.set_printer(Ink())\n    report.publish("q2")\n',
)


def _bridge(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"office/reports.py": text})
    return roles_of(patterns_rows(tmp_path, "office", "--min-confidence", "0"), "bridge")


def test_subclasses_carrying_out_its_abstract_operations_refine_the_abstraction(tmp_path: Path) -> None:
    got = _bridge(tmp_path, REPORTS)
    assert got.get("Report") == "abstraction"
    assert got.get("Sales") == got.get("Stock") == "refined_abstraction"
    assert got.get("Printer") == "implementor"


def test_an_implementor_swapped_through_a_setter_is_no_bridge(tmp_path: Path) -> None:
    assert SWAPPED != REPORTS
    assert _bridge(tmp_path, SWAPPED) == {}
