"""A criterion holding one subquery and rendering it under a condition of its own
(`"NOT " if self.negated else ""`) reads as a proxy guarding its subject; when a sibling
criterion holds two children typed as the interface's base (`Binary(left: Term, right:
Term)` under `Criterion(Term)`), the family is an expression tree and the one-child class is
an inner node of it: no proxy. The same family with and without that sibling. Through
`agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

BASE = """\
class Term:
    def get_sql(self, quote: str) -> str:
        raise NotImplementedError


class Criterion(Term):
    def get_sql(self, quote: str) -> str:
        raise NotImplementedError


class Field(Criterion):
    def __init__(self, name: str) -> None:
        self.name = name

    def get_sql(self, quote: str) -> str:
        return quote + self.name + quote


class Exists(Criterion):
    def __init__(self, query: Criterion) -> None:
        self.query = query
        self.negated = False

    def negate(self) -> "Exists":
        self.negated = True
        return self

    def get_sql(self, quote: str) -> str:
        prefix = "NOT " if self.negated else ""
        return prefix + "EXISTS " + self.query.get_sql(quote)
"""

BINARY = """

class Binary(Criterion):
    def __init__(self, left: Term, right: Term) -> None:
        self.left = left
        self.right = right

    def get_sql(self, quote: str) -> str:
        return self.left.get_sql(quote) + " = " + self.right.get_sql(quote)
"""


def test_a_one_child_criterion_alone_reads_as_a_proxy(tmp_path: Path) -> None:
    write_tree(tmp_path, {"sql/terms.py": BASE})
    assert roles_of(patterns_rows(tmp_path, "sql"), "proxy").get("Exists") == "proxy"


def test_beside_a_node_holding_two_base_typed_children_it_is_a_tree_node(tmp_path: Path) -> None:
    write_tree(tmp_path, {"sql/terms.py": BASE + BINARY})
    rows = patterns_rows(tmp_path, "sql")
    assert "Exists" not in roles_of(rows, "proxy")
    assert roles_of(rows, "composite").get("Exists") == "composite"
