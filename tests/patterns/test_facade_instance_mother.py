"""Facade vs a test-data mother with instance methods: a class making two helpers and
coordinating them to answer its clients is a facade; the same class whose every public method
only returns what an entity's alternative constructor makes (`return Order.create(...)`)
hands out products. Through `agentls patterns`, side by side."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

CODE = """\
class Clock:
    def now(self) -> float:
        return 0.0


class Ids:
    def next(self) -> str:
        return "x"


class Order:
    def __init__(self, ref: str, at: float) -> None:
        self.ref = ref
        self.at = at

    @classmethod
    def create(cls, ref: str, at: float) -> "Order":
        return cls(ref, at)


class Mother:
    def __init__(self) -> None:
        self.clock = Clock()
        self.ids = Ids()

    def order(self):
        return {made}(self.ids.next(), self.clock.now())

    def later(self):
        return {made}(self.ids.next(), self.clock.now() + 1)
"""


def _facades(tmp_path: Path, made: str) -> set[str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/mother.py": CODE.replace("{made}", made)})
    rows = patterns_rows(tmp_path, "app")
    return {str(r["symbol"]) for r in rows if r["pattern"] == "facade" and r["role"] == "facade"}


def test_a_class_coordinating_the_helpers_it_makes_is_a_facade(tmp_path: Path) -> None:
    assert "Mother" in _facades(tmp_path, "")


def test_a_mother_returning_an_entitys_alternative_constructor_is_no_facade(tmp_path: Path) -> None:
    # The near miss: the same helpers, every method handing out an Order.create(...) product.
    assert "Mother" not in _facades(tmp_path, "Order.create")
