"""Business rules taking the candidate, kept by the class that evaluates them.

A base whose only method is a predicate over a candidate (`is_satisfied_by(order) -> bool`,
raising NotImplementedError), two subclasses stating a rule, and a class keeping one typed as
the base and asking it about what it handles: a Specification without combinators. The near
miss: the same base declaring a second method beside the predicate is a wider interface whose
one step happens to answer a bool."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

RULES = """\
class Rule:
    def is_satisfied_by(self, order) -> bool:
        raise NotImplementedError()
{extra}

class Heavy(Rule):
    def is_satisfied_by(self, order) -> bool:
        return order.weight > 30


class Abroad(Rule):
    def is_satisfied_by(self, order) -> bool:
        return order.country != "NO"
"""

EXTRA = """
    def describe(self) -> str:
        raise NotImplementedError()
"""

DESK = """\
from app.rules import Rule


class Desk:
    def __init__(self, rule: Rule) -> None:
        self.rule = rule

    def review(self, order):
        if self.rule.is_satisfied_by(order):
            return "flag"
        return "pass"
"""


def _specs(tmp_path: Path, extra: str) -> set[tuple[str, str]]:
    write_tree(tmp_path, {"app/rules.py": RULES.format(extra=extra), "app/desk.py": DESK})
    return {(r["symbol"], r["role"]) for r in patterns_rows(tmp_path, "app") if r["pattern"] == "specification"}


def test_a_predicate_base_kept_and_evaluated_is_a_specification(tmp_path: Path) -> None:
    assert _specs(tmp_path, "") == {
        ("Rule", "specification"),
        ("Heavy", "concrete_specification"),
        ("Abroad", "concrete_specification"),
    }


def test_a_base_with_another_method_beside_the_predicate_is_not(tmp_path: Path) -> None:
    assert _specs(tmp_path, EXTRA) == set()
