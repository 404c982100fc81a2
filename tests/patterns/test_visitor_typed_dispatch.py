"""Visitors with one `visit` for every element, each beside its nearest non-visitor. A visitor
handing the element to a `singledispatchmethod` of its own picks the type itself, and the
Protocols typing `accept` per element are the visitor interface; the same classes whose
`visit` hands the element to an ordinary helper dispatch nothing. Elements declaring `accept`
abstractly with the call-back as its default body, visited through a visitor interface, are a
double dispatch; undeclared, they are not. Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

SHAPES = """\
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


class CircleVisitor(Protocol):
    def visit(self, shape: Circle) -> None: ...


class SquareVisitor(Protocol):
    def visit(self, shape: Square) -> None: ...


@dataclass
class Circle:
    radius: float

    def accept(self, visitor: CircleVisitor) -> None:
        visitor.visit(self)


@dataclass
class Square:
    side: float

    def accept(self, visitor: SquareVisitor) -> None:
        visitor.visit(self)
"""

DISPATCHING = """\
from functools import singledispatchmethod

from shapes import Circle, Square


class Area:
    def visit(self, shape) -> None:
        return self._area(shape)

    @singledispatchmethod
    def _area(self, shape) -> None:
        raise NotImplementedError

    @_area.register
    def _(self, shape: Circle) -> None:
        print(3.14 * shape.radius**2)

    @_area.register
    def _(self, shape: Square) -> None:
        print(shape.side**2)
"""

PLAIN = """\
from shapes import Circle, Square


class Area:
    def visit(self, shape) -> None:
        return self._log(shape)

    def _log(self, shape) -> None:
        print(shape)
"""

DECLARED = """\
from abc import ABC, abstractmethod


class Node(ABC):
    @abstractmethod
    def accept(self, visitor) -> None:
        visitor.visit(self)


class Leaf(Node):
    def accept(self, visitor) -> None:
        visitor.visit(self)


class Pair(Node):
    def accept(self, visitor) -> None:
        visitor.visit(self)


class NodeVisitor(ABC):
    @abstractmethod
    def visit(self, node: Node) -> None: ...


class Dump(NodeVisitor):
    def visit(self, node: Node) -> None:
        print(type(node).__name__)
"""

UNDECLARED = """\
class Leaf:
    def accept(self, visitor) -> None:
        visitor.visit(self)


class Pair:
    def accept(self, visitor) -> None:
        visitor.visit(self)


class Dump:
    def visit(self, node) -> None:
        print(type(node).__name__)
"""


def test_a_visit_handing_over_to_a_singledispatchmethod_is_a_visitor(tmp_path: Path) -> None:
    write_tree(tmp_path, {"shapes.py": SHAPES, "area.py": DISPATCHING})
    roles = roles_of(patterns_rows(tmp_path), "visitor")
    assert roles.get("Area") == "concrete_visitor"
    assert roles.get("Circle") == roles.get("Square") == "element"
    assert roles.get("CircleVisitor") == roles.get("SquareVisitor") == "visitor"


def test_a_visit_handing_over_to_a_plain_helper_is_no_visitor(tmp_path: Path) -> None:
    write_tree(tmp_path, {"shapes.py": SHAPES, "area.py": PLAIN})
    assert roles_of(patterns_rows(tmp_path), "visitor") == {}


def test_an_abstract_accept_with_a_default_body_declares_the_elements(tmp_path: Path) -> None:
    write_tree(tmp_path, {"nodes.py": DECLARED})
    roles = roles_of(patterns_rows(tmp_path), "visitor")
    assert roles.get("Leaf") == roles.get("Pair") == "element"
    assert roles.get("NodeVisitor") == "visitor"
    assert roles.get("Dump") == "concrete_visitor"


def test_undeclared_accepts_over_one_plain_visit_are_no_visitor(tmp_path: Path) -> None:
    write_tree(tmp_path, {"nodes.py": UNDECLARED})
    assert roles_of(patterns_rows(tmp_path), "visitor") == {}
