"""`agentls patterns` over code written for Python 2 (print statements in its methods) reports
the same roles as over its Python 3 spelling, on the same lines; a file broken for another
reason still has its classes recovered around the error."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

_PY3 = """
from abc import ABC, abstractmethod


class Discount(ABC):
    @abstractmethod
    def apply(self, total):
        pass


class Seasonal(Discount):
    def apply(self, total):
        print("seasonal", total)
        return total * 0.9


class Loyal(Discount):
    def apply(self, total):
        print("loyal", total)
        return total - 5


class Till:
    def __init__(self, discount):
        self.discount = discount

    def set_discount(self, discount):
        self.discount = discount

    def charge(self, total):
        return self.discount.apply(total)


till = Till(Seasonal())
till.charge(100)
till.set_discount(Loyal())
till.charge(100)
"""

_PY2 = _PY3.replace('print("seasonal", total)', 'print "seasonal", total').replace(
    'print("loyal", total)', 'print "loyal", total'
)


def _rows(tmp_path: Path, source: str) -> set[tuple[str, int, str, str]]:
    write_tree(tmp_path, {"shop.py": source})
    rows = patterns_rows(tmp_path, "--no-smells", "shop.py")
    return {(r["symbol"], r["line"], r["pattern"], r["role"]) for r in rows}


def test_python2_module_reports_what_its_python3_spelling_does(tmp_path: Path) -> None:
    old = _rows(tmp_path / "old", _PY2)
    new = _rows(tmp_path / "new", _PY3)
    assert {(r[0], r[2], r[3]) for r in new} >= {
        ("Seasonal", "strategy", "concrete_strategy"),
        ("Loyal", "strategy", "concrete_strategy"),
        ("Till", "strategy", "context"),
    }
    assert old == new


def test_a_module_also_broken_otherwise_keeps_its_classes(tmp_path: Path) -> None:
    # Not Python 2: an unclosed call. The rewrite does not hide it; recovery keeps the rest.
    rows = _rows(tmp_path, _PY2 + "\n\ntill.charge(\n")
    assert ("Till", "strategy", "context") in {(r[0], r[2], r[3]) for r in rows}
