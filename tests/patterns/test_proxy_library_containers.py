"""A wrapper keeping a standard-library map made by a call (`OrderedDict()`, `defaultdict(int)`)
keeps a container, not a second collaborator: through `agentls patterns` run as a subprocess,
a caching proxy over an injected calculator with an LRU `OrderedDict` is a proxy (it forwards
only on a miss), beside its near miss: the same wrapper counting calls in a `defaultdict` and
always forwarding, a decorator."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, role_map, write_tree

CALCULATOR = """\
from abc import ABC, abstractmethod


class Calculator(ABC):
    @abstractmethod
    def calculate(self, n: int) -> int: ...


class SlowCalculator(Calculator):
    def calculate(self, n: int) -> int:
        return sum(range(n))
"""

CACHING = """\
from collections import OrderedDict

from app.calc import Calculator


class CachingCalculator(Calculator):
    def __init__(self, wrapped: Calculator, size: int = 100) -> None:
        self._wrapped = wrapped
        self._cache: OrderedDict[int, int] = OrderedDict()
        self._size = size

    def calculate(self, n: int) -> int:
        if n in self._cache:
            self._cache.move_to_end(n)
            return self._cache[n]
        result = self._wrapped.calculate(n)
        if len(self._cache) >= self._size:
            self._cache.popitem(last=False)
        self._cache[n] = result
        return result
"""

COUNTING = """\
from collections import defaultdict

from app.calc import Calculator


class CountingCalculator(Calculator):
    def __init__(self, wrapped: Calculator) -> None:
        self._wrapped = wrapped
        self._calls: defaultdict[int, int] = defaultdict(int)

    def calculate(self, n: int) -> int:
        self._calls[n] += 1
        return self._wrapped.calculate(n)

    def most_asked(self) -> int:
        return max(self._calls, key=self._calls.__getitem__)
"""


def _roles(tmp_path: Path, name: str, text: str) -> dict[tuple[str, str], str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/calc.py": CALCULATOR, f"app/{name}.py": text})
    return role_map(patterns_rows(tmp_path, "app"))


def test_a_wrapper_caching_in_an_ordered_dict_is_a_proxy(tmp_path: Path) -> None:
    found = _roles(tmp_path, "caching", CACHING)
    assert found.get(("CachingCalculator", "proxy")) == "proxy"
    assert found.get(("Calculator", "proxy")) == "subject"


def test_a_wrapper_counting_in_a_defaultdict_and_always_forwarding_is_no_proxy(tmp_path: Path) -> None:
    found = _roles(tmp_path, "counting", COUNTING)
    assert ("CountingCalculator", "proxy") not in found
