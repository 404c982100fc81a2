"""A duck-typed tree with no base class: a group keeping the children its `add` is handed and
forwarding a method to each is a composite, and a class whose objects the program adds to it
(`menu.add(Dish("tea"))`, or a local made so) that implements the method too and keeps no
children is its leaf. A class answering the method that is never put into the group is no
leaf of it. Through `agentls patterns` run as a subprocess, the form beside its near miss."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

MENU = """\
class Dish:
    def __init__(self, name):
        self.name = name

    def show(self):
        print(self.name)


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


if __name__ == "__main__":
    lunch = Menu("lunch")
    soup = Dish("soup")
    lunch.add(soup)
    drinks = Menu("drinks")
    drinks.add(Dish("tea"))
    lunch.add(drinks)
    lunch.show()
"""

# The one change: no dish is ever added (only groups are), so `Dish` is a namesake.
NOT_ADDED = MENU.replace('    soup = Dish("soup")\n    lunch.add(soup)\n', "").replace(
    '    drinks.add(Dish("tea"))\n', ""
)


def _composites(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"menus/menu.py": text})
    return roles_of(patterns_rows(tmp_path, "menus", "--min-confidence", "0"), "composite")


def test_what_the_program_adds_to_the_group_is_its_leaf(tmp_path: Path) -> None:
    assert _composites(tmp_path, MENU) == {"Menu": "composite", "Dish": "leaf"}


def test_a_class_never_added_is_no_leaf(tmp_path: Path) -> None:
    assert NOT_ADDED != MENU
    assert _composites(tmp_path, NOT_ADDED) == {"Menu": "composite"}
