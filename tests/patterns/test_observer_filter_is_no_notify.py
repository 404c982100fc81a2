"""A class adding the parts it is handed to a list, removing them by a key each answers
(`self._parts = [p for p in self._parts if p.name() != name]`) and describing itself from
their names (`names = [p.name() for p in self._parts]`, joined into the text it returns) asks
each part for data and tells it nothing: the class is no Observer subject and its parts no
observers. Beside the near miss: the same class with a
method looping over the list and telling each part of a change is a subject. Through
`agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.patterns.cli import patterns_rows, roles_of, write_tree

TOOLS = """\
from abc import ABC, abstractmethod


class Tool(ABC):
    @abstractmethod
    def name(self) -> str: ...

    @abstractmethod
    def moved(self, place: str) -> None: ...


class Hammer(Tool):
    def name(self) -> str:
        return "hammer"

    def moved(self, place: str) -> None:
        print(place)


class Saw(Tool):
    def name(self) -> str:
        return "saw"

    def moved(self, place: str) -> None:
        print(place)


class Toolbox:
    def __init__(self) -> None:
        self._tools: list[Tool] = []
        self.place = ""

    def add_tool(self, tool: Tool) -> None:
        self._tools.append(tool)

    def remove_tool(self, name: str) -> None:
        self._tools = [t for t in self._tools if t.name() != name]

    def describe(self) -> str:
        names = [t.name() for t in self._tools]
        return f"box with {', '.join(names)}"
"""

PARTS = TOOLS
REMOVE = """
    def remove_tool(self, name: str) -> None:
        self._tools = [t for t in self._tools if t.name() != name]
"""
DESCRIBE = """
    def describe(self) -> str:
        names = [t.name() for t in self._tools]
        return f"box with {', '.join(names)}"
"""

TOLD = (
    TOOLS
    + """
    def move_to(self, place: str) -> None:
        self.place = place
        for t in self._tools:
            t.moved(place)
"""
)


@pytest.mark.parametrize("source", [PARTS, PARTS.replace(REMOVE, ""), PARTS.replace(DESCRIBE, "")])
def test_list_rebuilt_by_a_filter_is_no_subject(tmp_path: Path, source: str) -> None:
    assert source == PARTS or source.count("def ") == PARTS.count("def ") - 1
    write_tree(tmp_path, {"shop/tools.py": source})
    roles = roles_of(patterns_rows(tmp_path, "--min-confidence", "0"), "observer")
    assert roles == {}


def test_parts_told_of_a_change_make_a_subject(tmp_path: Path) -> None:
    write_tree(tmp_path, {"shop/tools.py": TOLD})
    roles = roles_of(patterns_rows(tmp_path, "--min-confidence", "0"), "observer")
    assert roles.get("Toolbox") == "subject"
    assert roles.get("Hammer") == "concrete_observer"
