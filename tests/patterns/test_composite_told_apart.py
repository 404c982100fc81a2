"""Trees a composite's walk does not treat alike, each beside the near miss that stays one: a
subclass inheriting the children list from a class between it and the group class is a
node, not a leaf (`Both` under `Junction`); a walk recursing only into items of its own class
(`isinstance(item, Outline)`) tells groups from the rest; a walk storing each item's answer
back in its place (`self.lines[i] = self.lines[i].strip()`) transforms values. Through
`agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

CIRCUIT = """\
class Part:
    def __init__(self):
        self.parts = []

    def power(self):
        return sum(p.power() for p in self.parts)

    def describe(self):
        for p in self.parts:
            p.describe()


class Bulb(Part):
    def power(self):
        return 5


class Junction(Part):
    def __init__(self, *parts):
        self.parts = list(parts)

    def label(self):
        return "junction"


class Both(Junction):
    def label(self):
        return "both"
"""

# The same subclass deriving the group class itself: a part without children of its own.
FLAT = CIRCUIT.replace("class Both(Junction):", "class Both(Part):")

OUTLINE = """\
class Heading:
    def show(self, depth):
        print(depth)


class Outline:
    def __init__(self):
        self.items = []

    def add(self, item):
        self.items.append(item)

    def show(self, depth):
        for item in self.items:
            if isinstance(item, Outline):
                item.show(depth + 1)
            else:
                print(item)


class Note:
    def show(self, depth):
        print(depth)

    def children(self):
        return []


def build():
    outline = Outline()
    outline.add(Heading())
"""

ALIKE = OUTLINE.replace("            if isinstance(item, Outline):\n    ", "").replace(
    "            else:\n                print(item)\n", ""
)

LINES = """\
class Text:
    def strip(self):
        raise NotImplementedError


class Line(Text):
    def __init__(self, words):
        self.words = words

    def strip(self):
        return self


class Page(Text):
    def __init__(self):
        self.lines = []

    def add(self, line):
        self.lines.append(line)

    def strip(self):
        for i in range(len(self.lines)):
            self.lines[i] = self.lines[i].strip()
"""

FORWARDED = LINES.replace("            self.lines[i] = self.lines[i].strip()", "            self.lines[i].strip()")


def _roles(tmp_path: Path, text: str) -> dict[str, set[str]]:
    write_tree(tmp_path, {"shapes/__init__.py": "", "shapes/tree.py": text})
    out: dict[str, set[str]] = {}
    for r in patterns_rows(tmp_path, "shapes"):
        if r["pattern"] == "composite":
            out.setdefault(str(r["symbol"]), set()).add(str(r["role"]))
    return out


def test_a_subclass_of_the_group_base_without_children_is_a_leaf(tmp_path: Path) -> None:
    found = _roles(tmp_path, FLAT)
    assert "composite" in found.get("Part", set())
    assert found.get("Bulb") == {"leaf"} and found.get("Both") == {"leaf"}


def test_a_subclass_inheriting_children_from_a_node_is_no_leaf(tmp_path: Path) -> None:
    found = _roles(tmp_path, CIRCUIT)
    assert "composite" in found.get("Part", set()) and found.get("Bulb") == {"leaf"}
    assert "leaf" not in found.get("Both", set()) and "leaf" not in found.get("Junction", set())


def test_items_walked_alike_make_a_composite(tmp_path: Path) -> None:
    assert _roles(tmp_path, ALIKE).get("Outline") == {"composite"}


def test_a_walk_recursing_only_into_its_own_class_is_none(tmp_path: Path) -> None:
    assert "Outline" not in _roles(tmp_path, OUTLINE)


def test_a_walk_forwarding_to_each_item_is_a_composite(tmp_path: Path) -> None:
    found = _roles(tmp_path, FORWARDED)
    assert found.get("Page") == {"composite"} and found.get("Line") == {"leaf"}


def test_a_walk_storing_each_answer_back_is_none(tmp_path: Path) -> None:
    assert "Page" not in _roles(tmp_path, LINES)
