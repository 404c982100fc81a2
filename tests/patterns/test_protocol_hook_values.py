"""A holder calling only protocol hooks on the values it keeps is no Strategy context.

Values composed into a bigger value (an ORM composite whose parts each answer
`__composite_values__`) are handed to their holder as two different classes defining the same
method, the shape of a duck-typed strategy; but the method is a hook of a library or language
protocol, not an algorithm the holder is configured with. The positive: the same holder and
parts, calling an ordinary method on what it keeps."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

PARTS = """\
class Sender:
    def __init__(self, name):
        self.name = name

    def {method}(self):
        return (self.name,)


class Destination:
    def __init__(self, city):
        self.city = city

    def {method}(self):
        return (self.city,)


class Parcel:
    def __init__(self, part):
        self.part = part

    def values(self):
        return self.part.{method}()
"""

CLIENT = """\
from app.parts import Destination, Parcel, Sender

FIRST = Parcel(Sender("ann"))
SECOND = Parcel(Destination("oslo"))
"""


def _strategy(tmp_path: Path, method: str) -> set[tuple[str, str]]:
    write_tree(tmp_path, {"app/parts.py": PARTS.format(method=method), "app/client.py": CLIENT})
    return {(r["symbol"], r["role"]) for r in patterns_rows(tmp_path, "app") if r["pattern"] == "strategy"}


def test_parts_called_through_an_ordinary_method_are_strategies(tmp_path: Path) -> None:
    found = _strategy(tmp_path, "render")
    assert ("Parcel", "context") in found
    assert {("Sender", "concrete_strategy"), ("Destination", "concrete_strategy")} <= found


def test_parts_called_only_through_a_protocol_hook_are_not(tmp_path: Path) -> None:
    assert _strategy(tmp_path, "__composite_values__") == set()
