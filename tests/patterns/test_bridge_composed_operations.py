"""A refined abstraction works through the implementor when it composes the abstraction's own
operations that delegate to it (the textbook display: `CountDisplay.display_multi` calling
`self.open()`, `self.print()` and `self.close()`, each passed on to `self._impl`), through
`agentls patterns` run as a subprocess: a Bridge, not a Strategy context with subclasses. The
near miss, one call away: the subclass's new operation calls only a method of the abstraction
that never touches the implementor, so it refines nothing over it and the holder stays a
Strategy context."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, role_map, write_tree

DISPLAY = """\
from abc import ABC, abstractmethod


class DisplayImpl(ABC):
    @abstractmethod
    def raw_open(self) -> None: ...

    @abstractmethod
    def raw_print(self) -> None: ...


class StringImpl(DisplayImpl):
    def __init__(self, text: str) -> None:
        self.text = text

    def raw_open(self) -> None:
        print("+" + "-" * len(self.text) + "+")

    def raw_print(self) -> None:
        print("|" + self.text + "|")


class CharImpl(DisplayImpl):
    def __init__(self, char: str) -> None:
        self.char = char

    def raw_open(self) -> None:
        print("<", end="")

    def raw_print(self) -> None:
        print(self.char, end="")


class Display:
    def __init__(self, impl: DisplayImpl) -> None:
        self._impl = impl

    def open(self) -> None:
        self._impl.raw_open()

    def print(self) -> None:
        self._impl.raw_print()

    def title(self) -> str:
        return "display"

    def display(self) -> None:
        self.open()
        self.print()


class CountDisplay(Display):
    def multi(self, times: int) -> None:
        CALLS
"""


def _roles(tmp_path: Path, calls: str) -> dict[tuple[str, str], str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/display.py": DISPLAY.replace("CALLS", calls)})
    return role_map(patterns_rows(tmp_path, "app"))


def test_a_subclass_composing_the_delegating_operations_refines_a_bridge(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "self.open()\n        for _ in range(times):\n            self.print()")
    assert roles.get(("Display", "bridge")) == "abstraction"
    assert roles.get(("CountDisplay", "bridge")) == "refined_abstraction"
    assert roles.get(("DisplayImpl", "bridge")) == "implementor"
    assert ("Display", "strategy") not in roles


def test_a_subclass_calling_what_never_reaches_the_implementor_refines_nothing(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "for _ in range(times):\n            print(self.title())")
    assert ("Display", "bridge") not in roles
    assert roles.get(("Display", "strategy")) == "context"
