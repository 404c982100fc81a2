"""A holder its callers may leave without the object is configured with it: through `agentls
patterns` run as a subprocess, a `Column` taking an optional `highlighter: Highlighter | None =
None` and highlighting through it is a Strategy context, even with a subclass highlighting
through the same attribute. The near miss, one default away: a column that requires its
highlighter, refined by a subclass working through it, is a Bridge's abstraction, not a
strategy context."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, role_map, write_tree

COLUMNS = """\
from abc import ABC, abstractmethod


class Highlighter(ABC):
    @abstractmethod
    def highlight(self, text: str) -> str: ...


class BoldHighlighter(Highlighter):
    def highlight(self, text: str) -> str:
        return f"**{text}**"


class ItalicHighlighter(Highlighter):
    def highlight(self, text: str) -> str:
        return f"_{text}_"


class Column:
    def __init__(self, title: str, highlighter: PARAM) -> None:
        self.title = title
        self.highlighter = highlighter

    def render(self, value: str) -> str:
        if self.highlighter:
            return self.highlighter.highlight(value)
        return value


class PercentColumn(Column):
    def render(self, value: str) -> str:
        text = f"{value}%"
        if self.highlighter:
            return self.highlighter.highlight(text)
        return text


print(Column("name", BoldHighlighter()).render("x"))
print(PercentColumn("done", ItalicHighlighter()).render("40"))
"""


def _roles(tmp_path: Path, param: str) -> dict[tuple[str, str], str]:
    write_tree(tmp_path, {"columns.py": COLUMNS.replace("PARAM", param)})
    return role_map(patterns_rows(tmp_path, "--no-smells"))


def test_a_holder_taking_an_optional_algorithm_is_a_strategy_context(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "Highlighter | None = None")
    assert roles.get(("Column", "strategy")) == "context"
    assert roles.get(("Highlighter", "strategy")) == "strategy"
    assert roles.get(("BoldHighlighter", "strategy")) == "concrete_strategy"
    assert ("Column", "bridge") not in roles


def test_a_holder_requiring_its_implementor_with_a_refined_subclass_is_a_bridge(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "Highlighter")
    assert ("Column", "strategy") not in roles
    assert roles.get(("Column", "bridge")) == "abstraction"
