"""A class may be an iterable collection and a Strategy context at once: through `agentls
patterns` run as a subprocess, a `Shelf` iterating its books (an Iterator aggregate) that is
handed a `SortOrder` and arranges its books through it is reported as the strategy's context too;
the iteration does not explain the algorithm it is configured with. The near miss, one call
away: the same iterable shelf making its one order in place (`ByTitle()`) chooses nothing and
is no context."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, role_map, write_tree

SHELF = """\
from abc import ABC, abstractmethod
from collections.abc import Iterator


class SortOrder(ABC):
    @abstractmethod
    def order(self, titles: list[str]) -> list[str]: ...


class ByTitle(SortOrder):
    def order(self, titles: list[str]) -> list[str]:
        return sorted(titles)


class ByLength(SortOrder):
    def order(self, titles: list[str]) -> list[str]:
        return sorted(titles, key=len)


class Shelf:
    def __init__(self, titles: list[str], order: SortOrder) -> None:
        self._titles = titles
        self._order = ORDER

    def __iter__(self) -> Iterator[str]:
        for title in self._titles:
            yield title

    def arranged(self) -> list[str]:
        return self._order.order(self._titles)


print(Shelf(["b", "aa"], ByTitle()).arranged())
print(list(Shelf(["b", "aa"], ByLength())))
"""


def _roles(tmp_path: Path, order: str) -> dict[tuple[str, str], str]:
    write_tree(tmp_path, {"shelf.py": SHELF.replace("ORDER", order)})
    return role_map(patterns_rows(tmp_path, "--no-smells"))


def test_an_iterable_collection_configured_with_an_algorithm_is_a_context(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "order")
    assert roles.get(("Shelf", "iterator")) == "aggregate"
    assert roles.get(("Shelf", "strategy")) == "context"
    assert roles.get(("SortOrder", "strategy")) == "strategy"


def test_an_iterable_collection_making_its_one_order_is_no_context(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "ByTitle()")
    assert ("Shelf", "strategy") not in roles
    assert roles.get(("Shelf", "iterator")) == "aggregate"
