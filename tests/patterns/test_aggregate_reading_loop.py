"""A root working through its members changes them: a loop over the entities a class keeps
that calls a member's changing method (`line.cancel()`) makes it an aggregate root; the same
loop only reading them (yielding each member's result, or building a new copy of the holder
from theirs) guards nothing and makes no root. Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

MODEL = """\
class Line:
    def __init__(self, id: str, qty: int) -> None:
        self.id = id
        self.qty = qty
        self.cancelled = False

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Line) and other.id == self.id

    def __hash__(self) -> int:
        return hash(self.id)

    def cancel(self) -> None:
        self.cancelled = True

    def price(self, rate: float) -> float:
        return self.qty * rate

    def scaled(self, k: int) -> "Line":
        return Line(self.id, self.qty * k)


class Order:
    def __init__(self, id: str, lines: list[Line]) -> None:
        self.id = id
        self.lines: list[Line] = list(lines)

{method}
"""

CHANGING = """\
    def cancel_large(self, limit: int) -> None:
        for line in self.lines:
            if line.qty > limit and not line.cancelled:
                line.cancel()
"""

YIELDING = """\
    def prices(self, rate: float, limit: int):
        for line in self.lines:
            if line.qty > limit and not line.cancelled:
                yield line.price(rate)
"""

COPYING = """\
    def scaled(self, k: int, limit: int) -> "Order":
        if k < 0 or limit < 0:
            raise ValueError(k)
        return Order(self.id, [line.scaled(k) for line in self.lines if line.qty < limit])
"""


def _roles(tmp_path: Path, method: str) -> dict[str, str]:
    write_tree(
        tmp_path,
        {
            "shop/__init__.py": "",
            "shop/domain/__init__.py": "",
            "shop/domain/model.py": MODEL.format(method=method),
        },
    )
    return roles_of(patterns_rows(tmp_path, "."), "aggregate")


def test_a_loop_changing_the_members_makes_a_root(tmp_path: Path) -> None:
    assert _roles(tmp_path, CHANGING) == {"Order": "aggregate_root", "Line": "member"}


def test_a_loop_yielding_what_the_members_answer_makes_no_root(tmp_path: Path) -> None:
    assert _roles(tmp_path, YIELDING) == {}


def test_a_copy_built_from_the_members_copies_makes_no_root(tmp_path: Path) -> None:
    assert _roles(tmp_path, COPYING) == {}
