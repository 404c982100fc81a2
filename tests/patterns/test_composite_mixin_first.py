"""An expression node written with a mixin before its base (`class Plus(Traced, Expr)`),
combining the same method of the two children it was given: the component is the nearest
base offering that method (`Expr`), not the mixin Python looks in first, through
`agentls patterns` run as a subprocess. The near miss: the node combines a method no base
offers (`size`), which makes it no stand-in for an `Expr`: no composite."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

EXPR = """\
from __future__ import annotations

from abc import ABC, abstractmethod


class Expr(ABC):
    @abstractmethod
    def evaluate(self) -> int: ...


class Traced:
    def trace(self) -> str:
        return type(self).__name__


class Number(Expr):
    def __init__(self, value: int) -> None:
        self.value = value

    def evaluate(self) -> int:
        return self.value


class Plus(Traced, Expr):
    def __init__(self, left: Expr, right: Expr) -> None:
        self.left = left
        self.right = right

    def evaluate(self) -> int:
        return COMBINED
"""


def _composite(tmp_path: Path, body: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/expr.py": EXPR.replace("COMBINED", body)})
    return roles_of(patterns_rows(tmp_path, "app"), "composite")


def test_the_component_is_the_base_offering_the_combined_method(tmp_path: Path) -> None:
    found = _composite(tmp_path, "self.left.evaluate() + self.right.evaluate()")
    assert found == {"Plus": "composite", "Expr": "component", "Number": "leaf"}


def test_a_method_no_base_offers_makes_no_composite(tmp_path: Path) -> None:
    body = "0\n\n    def size(self) -> int:\n        return self.left.size() + self.right.size()"
    assert _composite(tmp_path, body) == {}
