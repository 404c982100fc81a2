"""A composite's children may be kept by a group base its subclasses share: `Tray` adds the
items it is handed to `self.items` and each kind of tray renders every item, through
`agentls patterns` run as a subprocess; the group base keeping them is a composite too. The
near miss, one base away: a `Page` keeping the
same kind of list, filled the same way, whose subclasses render each item by the same method
name, is no node of the items' tree (neither it nor a base of it is an `Item`): it uses the
tree, it is no composite."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

ITEMS = """\
from abc import ABC, abstractmethod


class Item(ABC):
    def __init__(self, caption: str) -> None:
        self.caption = caption

    @abstractmethod
    def html(self) -> str: ...


class Link(Item):
    def html(self) -> str:
        return f"<a>{self.caption}</a>"


class GROUP(BASEABC):
    def __init__(self, caption: str) -> None:
        INIT
        self.items: list[Item] = []

    def add(self, item: Item) -> None:
        self.items.append(item)

    @abstractmethod
    def html(self) -> str: ...


class ListGROUP(GROUP):
    def html(self) -> str:
        return "<ul>" + "".join([item.html() for item in self.items]) + "</ul>"


class TableGROUP(GROUP):
    def html(self) -> str:
        return "<table>" + "".join([item.html() for item in self.items]) + "</table>"
"""


def _items(group: str, base: str, init: str) -> str:
    return ITEMS.replace("GROUP", group).replace("BASE", base).replace("INIT", init)


def _composites(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/items.py": text})
    return {str(r["symbol"]): str(r["role"]) for r in patterns_rows(tmp_path, "app") if r["pattern"] == "composite"}


def test_children_kept_by_a_group_base_its_subclasses_walk(tmp_path: Path) -> None:
    found = _composites(tmp_path, _items("Tray", "Item, ", "super().__init__(caption)"))
    assert found.get("ListTray") == "composite"
    assert found.get("Tray") == "composite"
    assert found.get("TableTray") == "composite"
    assert found.get("Item") == "component"
    assert found.get("Link") == "leaf"


def test_a_page_keeping_items_of_another_hierarchy_is_no_composite(tmp_path: Path) -> None:
    found = _composites(tmp_path, _items("Page", "", "self.title = caption"))
    assert "ListPage" not in found and "TablePage" not in found and "Page" not in found
