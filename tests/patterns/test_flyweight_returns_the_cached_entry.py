"""A flyweight factory hands out what it cached: a method that looks its key up in its own dict,
stores a new instance under it on a miss and returns the cached entry (`self._glyphs[key]`) is
a `flyweight_factory`; the same lookup and store in a registration that refuses a known key
and returns another object (the definition it was handed, wrapped) hands out no shared
instance. Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

SHARED = """\
class Glyph:
    def __init__(self, char: str) -> None:
        self.char = char


class Glyphs:
    def __init__(self) -> None:
        self._glyphs: dict[str, Glyph] = {}

    def get(self, char: str) -> Glyph:
        if char not in self._glyphs:
            self._glyphs[char] = Glyph(char)
        return self._glyphs[char]
"""

REGISTERED = """\
from typing import Callable


class Duplicate(Exception):
    pass


class Definition:
    def __init__(self, make: Callable[[], object]) -> None:
        self.make = make


class Missing:
    def __init__(self, key: str) -> None:
        self.key = key


def wrap(make: Callable[[], object]) -> Definition:
    return Definition(make)


class Definitions:
    def __init__(self) -> None:
        self._defs: dict[str, object] = {}

    def define(self, key: str, make: Callable[[], object]) -> Definition:
        if key in self._defs:
            raise Duplicate(key)
        definition = wrap(make)
        self._defs[key] = definition
        self._defs["async:" + key] = Missing(key)
        return definition
"""


def _roles(tmp_path: Path, source: str) -> dict[str, str]:
    write_tree(tmp_path, {"lib/__init__.py": "", "lib/core.py": source})
    return roles_of(patterns_rows(tmp_path, "."), "flyweight")


def test_a_cache_handing_out_its_entry_is_a_flyweight_factory(tmp_path: Path) -> None:
    assert _roles(tmp_path, SHARED) == {"Glyphs": "flyweight_factory", "Glyph": "flyweight"}


def test_a_registration_returning_another_object_is_no_flyweight_factory(tmp_path: Path) -> None:
    assert _roles(tmp_path, REGISTERED) == {}
