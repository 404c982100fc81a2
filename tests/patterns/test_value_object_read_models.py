"""A frozen dataclass kept in a domain package's read-model package (`domain/read_models/`), the
row a query port hands out, is no value object, through `agentls patterns` run as a subprocess;
the same frozen dataclass in the domain's value objects module stays one."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

RECORD = """\
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class {name}:
    currency: str
    amount: Decimal
"""

PORT = """\
from typing import Protocol
from uuid import UUID

from app.domain.read_models.balance import BalanceItem


class BalanceQueries(Protocol):
    async def balance_of(self, wallet_id: UUID) -> BalanceItem | None: ...
"""


def _value_objects(tmp_path: Path) -> dict[str, str]:
    write_tree(
        tmp_path,
        {
            "app/domain/value_objects/money.py": RECORD.format(name="Money"),
            "app/domain/read_models/balance.py": RECORD.format(name="BalanceItem"),
            "app/domain/ports/balances.py": PORT,
        },
    )
    return roles_of(patterns_rows(tmp_path, "app"), "value_object")


def test_a_frozen_value_in_the_domain_is_a_value_object(tmp_path: Path) -> None:
    assert _value_objects(tmp_path).get("Money") == "value_object"


def test_the_same_record_in_a_read_model_package_is_none(tmp_path: Path) -> None:
    assert "BalanceItem" not in _value_objects(tmp_path)
