"""A fluent query builder over a generative statement: each step rebuilds the statement from
its previous value (`self._query = self._query.where(c); return self`) and `build()` hands the
statement out, as query builders written over SQLAlchemy's `select()` do. The closest class,
with the same fluent steps but a method that runs the statement instead of handing it out (a
query object that is its own result), is no builder."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

STATEMENT = """\
class Select:
    def __init__(self, table: str, clauses: tuple[str, ...] = ()) -> None:
        self.table = table
        self.clauses = clauses

    def where(self, clause: str) -> "Select":
        return Select(self.table, (*self.clauses, clause))

    def limit(self, n: int) -> "Select":
        return Select(self.table, (*self.clauses, f"LIMIT {n}"))
"""

QUERIES = """\
from shop.statement import Select


class OrderQuery:
    def __init__(self, runner) -> None:
        self._runner = runner
        self._query = Select("orders")

    def with_customer(self, customer_id: int) -> "OrderQuery":
        self._query = self._query.where(f"customer_id = {{customer_id}}")
        return self

    def with_status(self, status: str) -> "OrderQuery":
        self._query = self._query.where(f"status = '{{status}}'")
        return self

    def paginated(self, n: int) -> "OrderQuery":
        self._query = self._query.limit(n)
        return self

{result}
"""

BUILD = """\
    def build(self) -> Select:
        return self._query
"""

RUN = """\
    def fetch(self) -> list[dict]:
        return self._runner.run(self._query)
"""


def _builders(tmp_path: Path, result: str) -> set[str]:
    write_tree(
        tmp_path,
        {"shop/__init__.py": "", "shop/statement.py": STATEMENT, "shop/queries.py": QUERIES.format(result=result)},
    )
    return {r["symbol"] for r in patterns_rows(tmp_path, "shop") if r["pattern"] == "builder"}


def test_fluent_steps_rebuilding_a_statement_that_build_hands_out_are_a_builder(tmp_path: Path) -> None:
    assert "OrderQuery" in _builders(tmp_path, BUILD)


def test_the_same_steps_with_a_method_running_the_statement_are_no_builder(tmp_path: Path) -> None:
    assert "OrderQuery" not in _builders(tmp_path, RUN)
