"""A class guarding a collection of entities it keeps (equal by their id) (`add` refusing a line when the order is
closed) is an aggregate root in domain code (a `domain` package); the same class in a
library's package, which no repository stores and which records no events (a worker keeping
its jobs), guards no domain cluster: no aggregate, no member. Through `agentls patterns` run
as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

CODE = """\
class Line:
    def __init__(self, id: str, qty: int) -> None:
        self.id = id
        self.qty = qty

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Line) and other.id == self.id

    def __hash__(self) -> int:
        return hash(self.id)

    def grow(self, by: int) -> None:
        self.qty += by


class Order:
    def __init__(self, id: str) -> None:
        self.id = id
        self.closed = False
        self.lines: list[Line] = []

    def add(self, line: Line) -> None:
        if self.closed:
            raise ValueError("closed")
        self.lines.append(line)

    def close(self) -> None:
        self.closed = True
"""


def test_a_guarded_cluster_in_domain_code_is_an_aggregate(tmp_path: Path) -> None:
    write_tree(tmp_path, {"shop/__init__.py": "", "shop/domain/__init__.py": "", "shop/domain/order.py": CODE})
    roles = roles_of(patterns_rows(tmp_path, "shop"), "aggregate")
    assert roles.get("Order") == "aggregate_root"
    assert roles.get("Line") == "member"


def test_the_same_class_in_a_library_package_is_no_aggregate(tmp_path: Path) -> None:
    write_tree(tmp_path, {"jobs/__init__.py": "", "jobs/worker.py": CODE})
    assert roles_of(patterns_rows(tmp_path, "jobs"), "aggregate") == {}
