"""What a composite's checks may look at: only code it can reach, and its private walks.

A class with no base looping over the children it is added and calling the same method on
each is a composite, unless an interface declaring that method abstract, with two or more
implementations, sits where the class can reach it (its module, or one importing or imported
by it): then it runs those objects (a chain's runner). An unrelated script of another folder
declaring a method of that name says nothing. And a group whose walk is a name-mangled helper
(`__walk`, recursing into each child's own `__walk`, for `__str__`) is a composite as much as
one walking in a public method. Through `agentls patterns` run as a subprocess, each form
beside its closest near miss."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

GROUP = """\
class Group:
    def __init__(self):
        self.members = []

    def add(self, member):
        self.members.append(member)

    def operation(self):
        for member in self.members:
            member.operation()
"""

STEPS = """\
from abc import ABC, abstractmethod


class Step(ABC):
    @abstractmethod
    def operation(self):
        ...


class Load(Step):
    def operation(self):
        return "load"


class Save(Step):
    def operation(self):
        return "save"
"""


def _composites(tmp_path: Path, files: dict[str, str]) -> dict[str, str]:
    write_tree(tmp_path, files)
    return roles_of(patterns_rows(tmp_path, "demos", "--min-confidence", "0"), "composite")


def test_an_interface_in_an_unrelated_script_folder_does_not_hide_the_composite(tmp_path: Path) -> None:
    got = _composites(tmp_path, {"demos/tree/group.py": GROUP, "demos/steps/steps.py": STEPS})
    assert got.get("Group") == "composite"


def test_an_interface_in_its_own_module_makes_it_a_runner(tmp_path: Path) -> None:
    got = _composites(tmp_path, {"demos/tree/group.py": STEPS + "\n\n" + GROUP})
    assert "Group" not in got


SHAPE = """\
class Shape:
    def __init__(self, label=None):
        self.label = label
        self.children = []

    def __walk(self, lines, depth):
        lines.append("  " * depth + str(self.label))
        for child in self.children:
            child.__walk(lines, depth + 1)

    def __str__(self):
        lines = []
        self.__walk(lines, 0)
        return "\\n".join(lines)


class Dot(Shape):
    def area(self):
        return 0


class Box(Shape):
    def area(self):
        return 1
"""

# The one change: the helper asks each child for something else (its `label`), no walk of
# the same method down the tree.
LISTED = SHAPE.replace("child.__walk(lines, depth + 1)", "lines.append(child.label)")


def test_a_name_mangled_walk_over_children_is_a_composite(tmp_path: Path) -> None:
    got = _composites(tmp_path, {"demos/shapes.py": SHAPE})
    assert got == {"Shape": "composite", "Dot": "leaf", "Box": "leaf"}


def test_a_helper_reading_children_without_recursing_is_none(tmp_path: Path) -> None:
    assert _composites(tmp_path, {"demos/shapes.py": LISTED}) == {}


MANAGER = """\
class Manager:
    def __init__(self):
        self.plugins = []

    def add(self, plugin):
        self.plugins.append(plugin)

    def operation(self):
        for plugin in self.plugins:
            plugin.operation()
"""


def test_an_interface_of_its_own_package_makes_it_a_runner_unimported(tmp_path: Path) -> None:
    # A plug-in manager need not import the interface its plug-ins derive: in one package,
    # the interface is still within reach.
    write_tree(
        tmp_path,
        {
            "demos/app/__init__.py": "",
            "demos/app/core/__init__.py": "",
            "demos/app/core/manager.py": MANAGER,
            "demos/app/steps/__init__.py": "",
            "demos/app/steps/steps.py": STEPS,
        },
    )
    got = roles_of(patterns_rows(tmp_path / "demos", "app", "--min-confidence", "0"), "composite")
    assert "Manager" not in got
