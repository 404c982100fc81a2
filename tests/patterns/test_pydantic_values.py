"""Immutable pydantic models in domain code are value objects, like frozen dataclasses: each
way pydantic spells immutability, through `agentls patterns` run as a subprocess, beside a
mutable model in the same module and the same frozen model in an API schema module."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows

VALUES = """\
from pydantic import BaseModel, ConfigDict


class Money(BaseModel):
    model_config = ConfigDict(frozen=True)

    amount: int
    currency: str

    def add(self, other: "Money") -> "Money":
        return Money(amount=self.amount + other.amount, currency=self.currency)


class Sku(BaseModel, frozen=True):
    code: str


class Address(BaseModel):
    street: str
    city: str

    class Config:
        allow_mutation = False


class Basket(BaseModel):
    items: list[str]
    total: int

    def add(self, item: str) -> None:
        self.items.append(item)
"""

SCHEMAS = """\
from pydantic import BaseModel, ConfigDict


class MoneyOut(BaseModel):
    model_config = ConfigDict(frozen=True)

    amount: int
    currency: str
"""


def _values(tmp_path: Path) -> set[tuple[str, str]]:
    files = {"shop/__init__.py": "", "shop/domain/__init__.py": "", "shop/api/__init__.py": ""}
    files |= {"shop/domain/values.py": VALUES, "shop/api/schemas.py": SCHEMAS}
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text)
    rows = patterns_rows(tmp_path, "shop")
    return {(str(r["path"]), str(r["symbol"])) for r in rows if r["pattern"] == "value_object"}


def test_frozen_pydantic_models_in_the_domain_are_value_objects(tmp_path: Path) -> None:
    found = _values(tmp_path)
    # model_config = ConfigDict(frozen=True); the class keyword; pydantic 1's Config
    assert {("shop/domain/values.py", s) for s in ("Money", "Sku", "Address")} <= found
    assert ("shop/domain/values.py", "Basket") not in found  # mutable: its add() appends
    assert ("shop/api/schemas.py", "MoneyOut") not in found  # an API schema, not the domain
