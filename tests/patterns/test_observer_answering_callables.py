"""Callables typed to answer something (`add_guard(self, guard: Callable[[Order], bool])`, a
middleware `Callable[[Order], Order]`) are guards, filters and transforms the loop asks, not
observers; beside it, listeners typed to answer nothing (`Callable[[Order], None]`) are still
told of the change. Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

CHECKOUT = """\
from typing import Callable


class Order:
    total = 0


class Checkout:
    def __init__(self) -> None:
        self._{kind}s: list[Callable[[Order], {answer}]] = []

    def add_{kind}(self, {kind}: Callable[[Order], {answer}]) -> None:
        self._{kind}s.append({kind})

    def place(self, order: Order) -> None:
        self._run(order)

    def _run(self, order: Order) -> None:
        for {kind} in self._{kind}s:
            {kind}(order)
"""


def test_guards_answering_a_verdict_are_no_observers(tmp_path: Path) -> None:
    write_tree(tmp_path, {"checkout.py": CHECKOUT.format(kind="guard", answer="bool")})
    assert roles_of(patterns_rows(tmp_path), "observer") == {}


def test_listeners_answering_nothing_are_told(tmp_path: Path) -> None:
    write_tree(tmp_path, {"checkout.py": CHECKOUT.format(kind="listener", answer="None")})
    assert roles_of(patterns_rows(tmp_path), "observer").get("Checkout") == "subject"
