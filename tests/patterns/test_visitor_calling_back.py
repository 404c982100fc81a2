"""Double dispatch where the visitors call back too (`Flower.accept(v)` calls `v.visit(self)`,
`Bee.visit(flower)` calls `flower.pollinate(self)`), through `agentls patterns` run as a
subprocess: the flower is the element and the bees the concrete visitors, not the other way
round. Near miss: visitors walking back through the structure (`node.left.accept(self)`),
whose elements stay the nodes."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

GARDEN = """\
from abc import ABC, abstractmethod


class Visitor(ABC):
    @abstractmethod
    def visit(self, element) -> None: ...


class Visitable(ABC):
    @abstractmethod
    def accept(self, visitor: Visitor) -> None: ...


class Flower(Visitable):
    def accept(self, visitor: Visitor) -> None:
        visitor.visit(self)

    def pollinate(self, by: Visitor) -> None:
        print("pollinated by", by)

    def eat(self, by: Visitor) -> None:
        print("eaten by", by)


class Bee(Visitor):
    def visit(self, flower: Flower) -> None:
        flower.pollinate(self)


class Worm(Visitor):
    def visit(self, flower: Flower) -> None:
        flower.eat(self)
"""

TREE = """\
class Num:
    def __init__(self, value: int) -> None:
        self.value = value

    def accept(self, visitor) -> int:
        return visitor.visit_num(self)


class Add:
    def __init__(self, left, right) -> None:
        self.left, self.right = left, right

    def accept(self, visitor) -> int:
        return visitor.visit_add(self)


class Evaluator:
    def visit_num(self, node: Num) -> int:
        return node.value

    def visit_add(self, node: Add) -> int:
        return node.left.accept(self) + node.right.accept(self)
"""


def _roles(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/main.py": text})
    return roles_of(patterns_rows(tmp_path, "app"), "visitor")


def test_visitors_calling_the_element_back_stay_visitors(tmp_path: Path) -> None:
    found = _roles(tmp_path, GARDEN)
    assert found.get("Flower") == "element"
    assert found.get("Bee") == "concrete_visitor" and found.get("Worm") == "concrete_visitor"
    assert found.get("Visitor") == "visitor"


def test_visitors_walking_back_through_accept_leave_the_nodes_elements(tmp_path: Path) -> None:
    found = _roles(tmp_path, TREE)
    assert found.get("Num") == "element" and found.get("Add") == "element"
    assert found.get("Evaluator") == "concrete_visitor"
