"""A chain of responsibility whose successor comes from the base's constructor
(`__init__(self, successor=None)`), the links only overriding the handling method and
testing the successor by truthiness (`if self._successor:`), through `agentls patterns` run
as a subprocess; beside its near miss: the same base making its successor itself in the
constructor, a helper object the subclasses forward to, not a link handed in."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

LINKS = """\
class {first}(Processor):
    def process(self, request):
        print("first")
        if self._successor:
            self._successor.process(request)


class {second}(Processor):
    def process(self, request):
        print("second")
        if self._successor:
            self._successor.process(request)
"""

HANDED = """\
from abc import ABC, abstractmethod


class Processor(ABC):
    def __init__(self, successor=None):
        self._successor = successor

    @abstractmethod
    def process(self, request):
        raise NotImplementedError


""" + LINKS.format(first="Audit", second="Store")

# The same shape, but the base builds the object the subclasses forward to.
BUILT = """\
from abc import ABC, abstractmethod


class Sink:
    def process(self, request):
        print("sink")


class Processor(ABC):
    def __init__(self):
        self._successor = Sink()

    @abstractmethod
    def process(self, request):
        raise NotImplementedError


""" + LINKS.format(first="Audit", second="Store")


def _roles(tmp_path: Path, source: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/chain.py": source})
    return roles_of(patterns_rows(tmp_path, "app"), "chain_of_responsibility")


def test_successor_from_the_inherited_constructor_is_a_chain(tmp_path: Path) -> None:
    roles = _roles(tmp_path, HANDED)
    assert roles == {"Processor": "handler", "Audit": "concrete_handler", "Store": "concrete_handler"}


def test_successor_built_by_the_base_is_no_chain(tmp_path: Path) -> None:
    assert _roles(tmp_path, BUILT) == {}
