"""A composite making its own children of its kind, and a Visitor's object structure that is
no composite, through `agentls patterns` run as a subprocess: each form beside its one-change
near miss."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.patterns.cli import patterns_rows

# An outline whose sections read their own subsections from a nested dict.
OUTLINE = """\
from typing import Protocol


class Part(Protocol):
    def words(self) -> int: ...


class Paragraph(Part):
    def __init__(self, text: str) -> None:
        self.text = text

    def words(self) -> int:
        return len(self.text.split())


class Section(Part):
    def __init__(self, tree: dict) -> None:
        self.parts: list[Part] = []
        for title, body in tree.items():
            if isinstance(body, dict):
                self.parts.append(Section(body))
            else:
                self.parts.append({made}(body))

    def words(self) -> int:
        return sum(p.words() for p in self.parts)
"""

# Not a Part: it answers more than a Part does.
STRANGER = """\
class Counter:
    def __init__(self, text: str) -> None:
        self.text = text

    def words(self) -> int:
        return len(self.text)

    def letters(self) -> int:
        return len(self.text.replace(" ", ""))
"""

# Exhibits taking a guide, and a hall handing the guide to each.
HALL = """\
class Guide:
    def at_statue(self, item: "Statue") -> None:
        print("statue")

    def at_vase(self, item: "Vase") -> None:
        print("vase")


class Statue:
    def show(self, guide: Guide) -> None:
        {statue}


class Vase:
    def show(self, guide: Guide) -> None:
        {vase}


class Hall:
    def __init__(self) -> None:
        self.items: list = []

    def attach(self, item) -> None:
        self.items.append(item)

    def show(self, guide: Guide) -> None:
        for item in self.items:
            item.show(guide)
"""


def _rows(tmp_path: Path, files: dict[str, str]) -> dict[tuple[str, str], dict[str, Any]]:
    for name, text in files.items():
        (tmp_path / "app").mkdir(exist_ok=True)
        (tmp_path / "app" / name).write_text(text)
    rows = patterns_rows(tmp_path, "app")
    return {(str(r["symbol"]), str(r["pattern"])): r for r in rows}


def test_a_section_making_its_own_parts(tmp_path: Path) -> None:
    rows = _rows(tmp_path, {"outline.py": OUTLINE.replace("{made}", "Paragraph")})
    roles = {key[0]: r["role"] for key, r in rows.items() if key[1] == "composite"}
    assert roles == {"Part": "component", "Paragraph": "leaf", "Section": "composite"}


def test_a_class_making_objects_of_another_kind(tmp_path: Path) -> None:
    # The near miss: what it makes shares no base with it (and it never nests itself).
    text = OUTLINE.replace("{made}", "Counter").replace("self.parts.append(Section(body))", "pass")
    rows = _rows(tmp_path, {"outline.py": text + "\n\n" + STRANGER})
    assert not [key for key in rows if key[1] == "composite"]


def test_a_hall_handing_a_guide_to_exhibits_that_call_it_back(tmp_path: Path) -> None:
    text = HALL.replace("{statue}", "guide.at_statue(self)").replace("{vase}", "guide.at_vase(self)")
    rows = _rows(tmp_path, {"hall.py": text})
    assert ("Hall", "composite") not in rows


def test_a_hall_whose_exhibits_show_themselves(tmp_path: Path) -> None:
    # The near miss: the exhibits do not call the guide back with themselves.
    text = HALL.replace("{statue}", 'print("statue")').replace("{vase}", 'print("vase")')
    rows = _rows(tmp_path, {"hall.py": text})
    assert rows[("Hall", "composite")]["role"] == "composite"
