"""A composite whose adding method declares its children as the leaf class beside it
(`add(self, child: Leaf)`) under a base that declares the child management itself (a default
`add` answering nothing) and whose walk goes over a local naming the list (`kids =
self._kids; for kid in kids:`), through `agentls patterns` run as a subprocess; beside its near
miss: a page keeping typed items under a shared base that declares no adding method, which
renders its items and stands in for none of them."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

TREE = """\
from __future__ import annotations


class Node:
    def __init__(self, name: str):
        self._name = name

    def add(self, child: Node) -> Node:
        return self

    def draw(self):
        print(self._name)


class Leaf(Node):
    pass


class Branch(Node):
    def __init__(self, name: str):
        super().__init__(name)
        self._kids = []

    def add(self, child: Leaf) -> Branch:
        self._kids.append(child)
        return self

    def draw(self):
        super().draw()
        kids = self._kids
        for kid in kids:
            kid.draw()
"""

PAGE = """\
from __future__ import annotations


class Model:
    def describe(self) -> str:
        return type(self).__name__


class Card(Model):
    def draw(self):
        print("card")


class Page(Model):
    def __init__(self):
        self._cards = []

    def put(self, card: Card) -> None:
        self._cards.append(card)

    def draw(self):
        for card in self._cards:
            card.draw()
"""


def test_a_branch_of_leaves_under_a_base_managing_children_is_a_composite(tmp_path: Path) -> None:
    write_tree(tmp_path, {"tree.py": TREE})
    roles = roles_of(patterns_rows(tmp_path), "composite")
    assert roles == {"Node": "component", "Leaf": "leaf", "Branch": "composite"}


def test_a_page_of_cards_under_a_base_managing_nothing_is_no_composite(tmp_path: Path) -> None:
    write_tree(tmp_path, {"page.py": PAGE})
    assert roles_of(patterns_rows(tmp_path), "composite") == {}
