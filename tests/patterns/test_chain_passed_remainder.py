"""A chain of responsibility whose links each handle part of the request and pass on what
remains of it, a value they work out from what they were given (`left = weight % 40;
self._next.load(left)`), through `agentls patterns` run as a subprocess; beside its near
miss: a linked list's node doing the same arithmetic down its own `next` nodes, with no
kinds of node (no subclasses, no interface, no successor setter): a recursive walk, no chain."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

BIG_TRUCK = """\
class BigTruck(Truck):
    def __init__(self):
        self._next = None

    def then(self, other: Truck) -> Truck:
        self._next = other
        return other

    def load(self, weight: int) -> None:
        print("big trucks:", weight // 40)
        left = weight % 40
        if self._next is None:
            return
        self._next.load(left)
"""

TRUCKS = (
    """\
from __future__ import annotations

from abc import ABC, abstractmethod


class Truck(ABC):
    @abstractmethod
    def then(self, other: Truck) -> Truck: ...

    @abstractmethod
    def load(self, weight: int) -> None: ...


"""
    + BIG_TRUCK
    + "\n\n"
    + BIG_TRUCK.replace("BigTruck", "Van").replace("big trucks", "vans").replace("40", "3")
)

NODES = """\
class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next

    def drop(self, count):
        print(self.value)
        left = count - 1
        if self.next is None:
            return
        self.next.drop(left)
"""


def test_links_passing_on_the_remainder_are_a_chain(tmp_path: Path) -> None:
    write_tree(tmp_path, {"trucks.py": TRUCKS})
    roles = roles_of(patterns_rows(tmp_path), "chain_of_responsibility")
    assert roles == {"Truck": "handler", "BigTruck": "concrete_handler", "Van": "concrete_handler"}


def test_a_node_walking_its_list_with_a_count_is_no_chain(tmp_path: Path) -> None:
    write_tree(tmp_path, {"nodes.py": NODES})
    assert roles_of(patterns_rows(tmp_path), "chain_of_responsibility") == {}
