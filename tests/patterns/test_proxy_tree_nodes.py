"""A class holding one object of its own interface and branching before it answers looks like
a protection proxy, through `agentls patterns` run as a subprocess: beside a sibling holding
two of them (`Binary(left, right)`), it is an inner node of an expression tree (`Unary`
evaluating its operand by its operator), no proxy; without such a sibling (the near miss, one
class away) the same class is still read as a proxy."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

NODES = """\
from abc import ABC, abstractmethod


class Expr(ABC):
    @abstractmethod
    def evaluate(self) -> float: ...


class Number(Expr):
    def __init__(self, value: float) -> None:
        self.value = value

    def evaluate(self) -> float:
        return self.value


class Unary(Expr):
    def __init__(self, operator: str, operand: Expr) -> None:
        self.operator = operator
        self.operand = operand

    def evaluate(self) -> float:
        value = self.operand.evaluate()
        if self.operator == "-":
            return -value
        return abs(value)
"""

BINARY = """\


class Binary(Expr):
    def __init__(self, left: Expr, right: Expr) -> None:
        self.left = left
        self.right = right

    def evaluate(self) -> float:
        return self.left.evaluate() + self.right.evaluate()
"""


def _proxies(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/nodes.py": text})
    return {str(r["symbol"]): str(r["role"]) for r in patterns_rows(tmp_path, "app") if r["pattern"] == "proxy"}


def test_a_one_child_node_beside_a_two_child_node_is_no_proxy(tmp_path: Path) -> None:
    assert "Unary" not in _proxies(tmp_path, NODES + BINARY)


def test_the_same_class_without_a_two_child_sibling_reads_as_a_proxy(tmp_path: Path) -> None:
    assert _proxies(tmp_path, NODES).get("Unary") == "proxy"
