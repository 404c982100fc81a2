"""A class method handing out the instance of its own class cached per key
(`Flavour.intern(name)`) is the `flyweight_factory`, as a caching `__new__` is, through
`agentls patterns` run as a subprocess; beside its near miss: the same class method making a
new instance on every call (an alternative constructor), which shares nothing."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

CACHED = """\
class Flavour:
    _cache = {}

    def __init__(self, name):
        self.name = name

    @classmethod
    def intern(cls, name):
        if name not in cls._cache:
            cls._cache[name] = Flavour(name)
        return cls._cache[name]
"""

FRESH = """\
class Flavour:
    def __init__(self, name):
        self.name = name

    @classmethod
    def intern(cls, name):
        return Flavour(name.strip())
"""


def _roles(tmp_path: Path, source: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/flavours.py": source})
    return roles_of(patterns_rows(tmp_path, "app"), "flyweight")


def test_class_method_handing_out_the_cached_instance(tmp_path: Path) -> None:
    assert _roles(tmp_path, CACHED) == {"Flavour": "flyweight", "Flavour.intern": "flyweight_factory"}


def test_class_method_making_a_new_instance_shares_nothing(tmp_path: Path) -> None:
    assert _roles(tmp_path, FRESH) == {}
