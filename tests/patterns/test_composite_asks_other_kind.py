"""A class walking the items it keeps and calling on each the method it is implementing is a
composite when every method it asks of its items is one of its own (a group of finders);
when its walks also ask each item something it does not have itself (`is_valid(name)`, a
locator's file analyzers), the items are of another kind: no composite, no component.
Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

CODE = """\
class Finder:
    def find_name(self, text: str) -> str:
        raise NotImplementedError


class PrefixFinder(Finder):
    def find_name(self, text: str) -> str:
        return text.split(":")[0]

    def is_valid(self, name: str) -> bool:
        return bool(name)


class Locator(Finder):
    def __init__(self) -> None:
        self._items: list = []
        self.found: list[str] = []

    def append_item(self, item) -> None:
        self._items.append(item)

    def find_name(self, text: str) -> str:
        for item in self._items:
            name = item.find_name(text)
            if name:
                return name
        return ""

    def locate(self, names: list[str]) -> None:
        for item in self._items:
            {asked}
"""


def _roles(tmp_path: Path, asked: str) -> dict[str, str]:
    write_tree(tmp_path, {"find/locate.py": CODE.replace("{asked}", asked)})
    return roles_of(patterns_rows(tmp_path, "find"), "composite")


def test_items_asked_only_its_own_methods_make_a_composite(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "self.found.append(item.find_name(names[0]))")
    assert roles.get("Locator") == "composite"
    assert roles.get("Finder") == "component"


def test_items_asked_a_method_it_lacks_are_another_kind(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "self.found.extend(n for n in names if item.is_valid(n))")
    assert roles == {}
