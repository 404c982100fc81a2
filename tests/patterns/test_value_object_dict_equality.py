"""Equality over `__dict__` in a domain package: a value-object base comparing all attributes at
once, and its subclasses. The near miss: the same base derived by a class with an identity (a
base of entities that happens to compare that way) is no value object."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

BASE = """\
class Comparable:
    def __eq__(self, other):
        if isinstance(self, other.__class__):
            return self.__dict__ == other.__dict__
        return False
"""

VALUE = """\
from shop.domain.base import Comparable


class Weight(Comparable):
    def __init__(self, grams, unit):
        self.grams = grams
        self.unit = unit
"""

ENTITY = """\
from shop.domain.base import Comparable


class Parcel(Comparable):
    def __init__(self, parcel_id, weight):
        self.parcel_id = parcel_id
        self.weight = weight

    def reweigh(self, weight):
        self.weight = weight
"""


def _values(tmp_path: Path, derived: str) -> set[str]:
    write_tree(tmp_path, {"shop/domain/base.py": BASE, "shop/domain/things.py": derived})
    return {r["symbol"] for r in patterns_rows(tmp_path, "shop") if r["pattern"] == "value_object"}


def test_a_base_comparing_all_attributes_and_its_values(tmp_path: Path) -> None:
    assert _values(tmp_path, VALUE) == {"Comparable", "Weight"}


def test_the_same_base_of_an_entity_is_no_value(tmp_path: Path) -> None:
    assert "Comparable" not in _values(tmp_path, ENTITY)
