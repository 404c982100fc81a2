"""Duck-typed composite leaves told by what a script of the composite's own folder hands its
adding method, the folder's name spelled by no import (`Lessons/09 Composite/`: `main.py`
writes `from composite import Composite, Child` while the module is `09 Composite.composite`),
through `agentls patterns` as a subprocess. The near miss: a class of another folder handed to
an adding method of the same name on a class of its own, which is no leaf of this tree."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

TREE = """\
class Composite:
    def __init__(self, name: str) -> None:
        self.name = name
        self.children: list = []

    def append_child(self, child) -> None:
        self.children.append(child)

    def component_function(self) -> None:
        print(self.name)
        for child in self.children:
            child.component_function()


class Child:
    def __init__(self, name: str) -> None:
        self.name = name

    def component_function(self) -> None:
        print(self.name)
"""

TREE_MAIN = """\
from composite import Composite, Child

menu = Composite("menu")
menu.append_child(Child("soup"))
menu.append_child(Child("bread"))
top = Composite("top")
top.append_child(menu)
top.component_function()
"""

OTHER_MAIN = """\
class Item:
    def __init__(self, name: str) -> None:
        self.name = name

    def component_function(self) -> None:
        print(self.name)


class Basket:
    def __init__(self) -> None:
        self.items: list = []

    def append_child(self, item) -> None:
        self.items.append(item)


basket = Basket()
basket.append_child(Item("apple"))
"""


def _composite(tmp_path: Path) -> dict[tuple[str, str], str]:
    write_tree(
        tmp_path,
        {
            "Lessons/09 Composite/composite.py": TREE,
            "Lessons/09 Composite/main.py": TREE_MAIN,
            "Lessons/10 Basket/main.py": OTHER_MAIN,
        },
    )
    rows = patterns_rows(tmp_path, "--no-smells")
    composite = [r for r in rows if r["pattern"] == "composite"]
    return {(str(r["path"]).split("/")[1], str(r["symbol"])): str(r["role"]) for r in composite}


def test_leaf_handed_by_a_script_of_the_folder(tmp_path: Path) -> None:
    roles = _composite(tmp_path)
    assert roles.get(("09 Composite", "Composite")) == "composite"
    assert roles.get(("09 Composite", "Child")) == "leaf"


def test_class_of_another_folder_is_no_leaf(tmp_path: Path) -> None:
    assert not [key for key in _composite(tmp_path) if key[0] == "10 Basket"]
