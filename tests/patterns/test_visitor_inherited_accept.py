"""Elements may inherit the one `accept` their base implements (`Node.accept` calling
`visitor.visit(self)`) when the visitor picks the type itself (`@singledispatchmethod` with a
body registered per node class): the subclasses are the types it dispatches on, so each is an
element, through `agentls patterns` run as a subprocess. The near miss: the visitor's `visit`
does not pick the type (one plain body for every node): no double dispatch, no elements."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, role_map, write_tree

TREE = """\
from functools import singledispatchmethod


class Node:
    def accept(self, visitor):
        return visitor.visit(self)


class Num(Node):
    def __init__(self, value):
        self.value = value


class Add(Node):
    def __init__(self, left, right):
        self.left = left
        self.right = right


class Printer:
VISIT
"""

DISPATCHING = """\
    @singledispatchmethod
    def visit(self, node):
        raise TypeError(node)

    @visit.register
    def _(self, node: Num):
        return str(node.value)

    @visit.register
    def _(self, node: Add):
        return node.left.accept(self) + " + " + node.right.accept(self)
"""

PLAIN = """\
    def visit(self, node):
        return repr(node)
"""


def _roles(tmp_path: Path, visit: str) -> dict[tuple[str, str], str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/tree.py": TREE.replace("VISIT\n", visit)})
    return role_map(patterns_rows(tmp_path, "app", "--min-confidence", "0"))


def test_subclasses_inheriting_accept_are_the_elements_a_visitor_dispatches_on(tmp_path: Path) -> None:
    roles = _roles(tmp_path, DISPATCHING)
    assert roles.get(("Node", "visitor")) == "element"
    assert roles.get(("Num", "visitor")) == "element"
    assert roles.get(("Add", "visitor")) == "element"
    assert roles.get(("Printer", "visitor")) == "concrete_visitor"


def test_a_visit_not_picking_the_type_makes_no_elements(tmp_path: Path) -> None:
    roles = _roles(tmp_path, PLAIN)
    assert ("Num", "visitor") not in roles
    assert ("Node", "visitor") not in roles
