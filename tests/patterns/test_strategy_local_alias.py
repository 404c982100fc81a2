"""A context may call its strategy through a local naming the attribute (`ls =
self.list_strategy`, then `ls.start(buffer)`), through `agentls patterns` run as a subprocess:
those are calls on the held strategy, so the class is a Strategy context over the list
formats. The near miss, one assignment away: the same local bound again to what another object
answers (`ls = self.registry.lookup(kind)`) stands for no one thing, and proves nothing about
the attribute."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

TEXT = """\
from abc import ABC, abstractmethod


class ListStrategy(ABC):
    @abstractmethod
    def start(self, buffer: list[str]) -> None: ...

    @abstractmethod
    def add_item(self, buffer: list[str], item: str) -> None: ...


class MarkdownList(ListStrategy):
    def start(self, buffer: list[str]) -> None:
        pass

    def add_item(self, buffer: list[str], item: str) -> None:
        buffer.append(f" * {item}")


class HtmlList(ListStrategy):
    def start(self, buffer: list[str]) -> None:
        buffer.append("<ul>")

    def add_item(self, buffer: list[str], item: str) -> None:
        buffer.append(f"<li>{item}</li>")


class Registry:
    def lookup(self, kind: str) -> ListStrategy:
        return HtmlList()


class TextProcessor:
    def __init__(self, list_strategy: ListStrategy, registry: Registry) -> None:
        self.list_strategy = list_strategy
        self.registry = registry
        self.buffer: list[str] = []

    def append_list(self, items: list[str], kind: str) -> None:
        ls = self.list_strategy
        REBIND
        ls.start(self.buffer)
        for item in items:
            ls.add_item(self.buffer, item)
"""


def _contexts(tmp_path: Path, rebind: str) -> set[str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/text.py": TEXT.replace("REBIND", rebind)})
    rows = patterns_rows(tmp_path, "app")
    return {str(r["symbol"]) for r in rows if r["pattern"] == "strategy" and r["role"] == "context"}


def test_calls_through_a_local_naming_the_attribute_are_calls_on_it(tmp_path: Path) -> None:
    assert "TextProcessor" in _contexts(tmp_path, "pass")


def test_a_local_bound_again_stands_for_no_one_thing(tmp_path: Path) -> None:
    assert "TextProcessor" not in _contexts(tmp_path, "if kind:\n            ls = self.registry.lookup(kind)")
