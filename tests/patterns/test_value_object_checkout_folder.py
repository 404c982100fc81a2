"""Where a class lives is read from its module's dotted name, not from the folders above the
project: `agentls patterns shop_dto` run from the checkout's parent finds the frozen `Money`
of `shop_dto/app/domain/money.py` as a value object (the checkout's name is no DTO package),
while a frozen record in the project's own read-model package stays none; a checkout named
`model` makes no service class a domain entity, one in the project's `domain` package stays
one. Each through `agentls patterns` run as a subprocess from the parent folder."""

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

ACCOUNT = """\
class Account:
    def __init__(self, number: str, owner: str) -> None:
        self.id = number
        self.owner = owner
        self.balance = 0

    def deposit(self, amount: int) -> None:
        self.balance += amount

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Account) and other.id == self.id

    def __hash__(self) -> int:
        return hash(self.id)
"""


def _packages(checkout: str, *folders: str) -> dict[str, str]:
    """The `__init__.py` of each folder below the checkout: regular packages, so the dotted
    name starts at `app`, the import root, wherever the command runs."""
    return {f"{checkout}/{folder}/__init__.py": "" for folder in folders}


def _value_objects(tmp_path: Path) -> dict[str, str]:
    write_tree(
        tmp_path,
        {
            **_packages("shop_dto", "app", "app/domain", "app/domain/read_models", "app/read_models"),
            "shop_dto/app/domain/money.py": RECORD.format(name="Money"),
            "shop_dto/app/domain/read_models/balance.py": RECORD.format(name="BalanceItem"),
            "shop_dto/app/read_models/statement.py": RECORD.format(name="StatementLine"),
        },
    )
    return roles_of(patterns_rows(tmp_path, "shop_dto"), "value_object")


def test_a_frozen_value_in_a_checkout_named_like_a_dto_is_a_value_object(tmp_path: Path) -> None:
    assert _value_objects(tmp_path).get("Money") == "value_object"


def test_a_frozen_record_in_the_projects_read_model_package_is_none(tmp_path: Path) -> None:
    found = _value_objects(tmp_path)
    assert "BalanceItem" not in found
    assert "StatementLine" not in found


def _entities(tmp_path: Path) -> dict[str, str]:
    write_tree(
        tmp_path,
        {
            **_packages("model", "app", "app/services", "app/domain"),
            "model/app/services/account.py": ACCOUNT,
            "model/app/domain/ledger.py": ACCOUNT.replace("Account", "Ledger"),
        },
    )
    return roles_of(patterns_rows(tmp_path, "model"), "entity")


def test_a_class_with_identity_in_the_projects_domain_package_is_an_entity(tmp_path: Path) -> None:
    assert _entities(tmp_path).get("Ledger") == "entity"


def test_a_checkout_named_model_makes_no_service_class_an_entity(tmp_path: Path) -> None:
    assert "Account" not in _entities(tmp_path)
