"""A call spread over lines (`till.charge(\\n    amount,\\n    method=Card(),\\n)`, as a
formatter writes it) hands over what it makes on the lines below its first: through `agentls
patterns` run as a subprocess, the payment methods handed to `Till.charge` that way are a
Strategy family and the till its context. The near miss, one method away: an interface
declaring nothing but a predicate over a candidate (`allows(amount) -> bool`), whose
implementations are handed over the same way to a method asking them, is a Specification's
rules, not a strategy family."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.patterns.cli import patterns_rows, roles_of, write_tree

TILL = """\
from abc import ABC, abstractmethod


class Method(ABC):
    @abstractmethod
    def allows(self, amount: float) -> bool: ...
EXTRA

class Card(Method):
    def allows(self, amount: float) -> bool:
        return amount < 500
CARD

class Cash(Method):
    def allows(self, amount: float) -> bool:
        return amount < 50
CASH

class Till:
    def charge(self, amount: float, method: Method) -> float:
        if not method.allows(amount):
            raise ValueError("refused")
        return CALL


till = Till()
print(
    till.charge(
        20.0,
        method=Card(),
    )
)
print(
    till.charge(
        30.0,
        method=Cash(),
    )
)
"""

FEE = """
    @abstractmethod
    def fee(self, amount: float) -> float: ...
"""


def _rows(tmp_path: Path, with_fee: bool) -> list[dict[str, Any]]:
    text = TILL.replace("EXTRA", FEE if with_fee else "")
    fee = "\n    def fee(self, amount: float) -> float:\n        return FEE\n"
    text = text.replace("CARD", fee.replace("FEE", "amount * 0.02") if with_fee else "")
    text = text.replace("CASH", fee.replace("FEE", "0.0") if with_fee else "")
    text = text.replace("CALL", "amount + method.fee(amount)" if with_fee else "amount")
    write_tree(tmp_path, {"till.py": text})
    return patterns_rows(tmp_path, "--no-smells")


def _roles(tmp_path: Path, with_fee: bool) -> dict[str, str]:
    return roles_of(_rows(tmp_path, with_fee), "strategy")


def test_methods_handed_in_calls_spread_over_lines_are_a_strategy_family(tmp_path: Path) -> None:
    roles = _roles(tmp_path, with_fee=True)
    assert roles.get("Method") == "strategy"
    assert roles.get("Card") == "concrete_strategy"
    assert roles.get("Cash") == "concrete_strategy"
    assert roles.get("Till") == "context"


def test_rules_declaring_one_predicate_handed_the_same_way_are_no_strategy(tmp_path: Path) -> None:
    rows = _rows(tmp_path, with_fee=False)
    assert roles_of(rows, "strategy") == {}
    assert roles_of(rows, "specification") == {
        "Method": "specification",
        "Card": "concrete_specification",
        "Cash": "concrete_specification",
    }
