"""A duck-typed tree with no base class whose leaves are told by what the program puts into it:
the program imports the classes by name (`from menus import Menu, Item`) rather than the
module, and the objects it hands the adding method are the leaves, through `agentls patterns`
run as a subprocess. The near miss: an object handed the same way that keeps children of its
own is another node, not a leaf."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

MENUS = """\
class Menu:
    def __init__(self, title):
        self.title = title
        self.entries = []

    def add(self, entry):
        self.entries.append(entry)

    def show(self):
        print(self.title)
        for entry in self.entries:
            entry.show()


class Item:
    def __init__(self, label):
        self.label = label

    def show(self):
        print(" -", self.label)


class Basket:
    def __init__(self, label):
        self.label = label
        self.goods = []

    def put(self, good):
        self.goods.append(good)

    def show(self):
        print(self.label, len(self.goods))
"""

MAIN = """\
from menus import Menu, Item, Basket

top = Menu("top")
first = Menu("drinks")
tea = ADDED("tea")
first.add(tea)
top.add(first)
top.show()
"""


def _roles(tmp_path: Path, added: str) -> dict[str, str]:
    write_tree(tmp_path, {"menus.py": MENUS, "main.py": MAIN.replace("ADDED", added)})
    return roles_of(patterns_rows(tmp_path, "menus.py", "main.py"), "composite")


def test_leaves_handed_by_a_program_importing_the_classes_by_name(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "Item")
    assert roles.get("Menu") == "composite"
    assert roles.get("Item") == "leaf"


def test_an_object_keeping_children_of_its_own_is_no_leaf(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "Basket")
    assert roles.get("Menu") == "composite"
    assert "Basket" not in roles
    assert "Item" not in roles
