"""A duck-typed tree with no base class: a class keeping a list of the children it is handed
and forwarding a method to each is a composite, and a sibling class (same module or imported
by name) implementing that method and answering an empty `children` (or iterating over
nothing) is its leaf. A container whose sibling answers the method but keeps no (empty)
children, or which loops over plain items, has no leaf. Through `agentls patterns` run as a
subprocess, the form beside its one-change near misses."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

TEAM = """\
class Team:
    def __init__(self, name: str) -> None:
        self.name = name
        self.children: list = []

    def add(self, child) -> None:
        self.children.append(child)

    def cost(self) -> int:
        return sum(child.cost() for child in self.children)
"""

MEMBER = """\
class Member:
    def __init__(self, name: str) -> None:
        self.name = name

    @property
    def children(self):
        return ()

    def cost(self) -> int:
        return 1
"""

# The one change: the sibling answers `cost` but says nothing of children (an unrelated
# class sharing a method name).
PRICED = """\
class Member:
    def __init__(self, name: str) -> None:
        self.name = name

    def cost(self) -> int:
        return 1
"""

# A container forwarding a method to plain items (strings): no sibling is a leaf.
SHELF = """\
class Shelf:
    def __init__(self) -> None:
        self.children: list[str] = []

    def add(self, title: str) -> None:
        self.children.append(title)

    def upper(self) -> list[str]:
        return [child.upper() for child in self.children]
"""

ITERATED = MEMBER.replace(
    "    @property\n    def children(self):\n        return ()\n",
    "    def __iter__(self):\n        return iter(())\n",
)


def _composites(tmp_path: Path, files: dict[str, str]) -> dict[str, str]:
    write_tree(tmp_path, files)
    return roles_of(patterns_rows(tmp_path, "app"), "composite")


def test_a_sibling_answering_empty_children_is_the_leaf(tmp_path: Path) -> None:
    got = _composites(tmp_path, {"app/org.py": MEMBER + "\n\n" + TEAM})
    assert got == {"Team": "composite", "Member": "leaf"}


def test_an_imported_sibling_iterating_over_nothing_is_the_leaf(tmp_path: Path) -> None:
    files = {"app/member.py": ITERATED, "app/team.py": "from app.member import Member\n\n\n" + TEAM}
    assert _composites(tmp_path, files) == {"Team": "composite", "Member": "leaf"}


def test_a_sibling_without_children_is_no_leaf(tmp_path: Path) -> None:
    assert "Member" not in _composites(tmp_path, {"app/org.py": PRICED + "\n\n" + TEAM})


def test_a_namesake_not_imported_is_no_leaf(tmp_path: Path) -> None:
    files = {"app/member.py": MEMBER, "app/team.py": TEAM}
    assert "Member" not in _composites(tmp_path, files)


def test_a_list_of_plain_items_has_no_leaf(tmp_path: Path) -> None:
    assert "leaf" not in _composites(tmp_path, {"app/shelf.py": SHELF}).values()
