"""A repository port over one entity per store: `save(bank: Bank)` beside `get() -> Bank`
(asked nothing, it gives back the one entity it keeps), implemented in memory, and the near
miss whose argument-less method gives back another class. Through `agentls patterns`."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

CODE = """\
from abc import ABC, abstractmethod


class Report:
    def __init__(self, text: str) -> None:
        self.text = text


class Bank:
    def __init__(self, id: str, balance: float) -> None:
        self.id = id
        self.balance = balance

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Bank) and other.id == self.id

    def __hash__(self) -> int:
        return hash(self.id)

    def deposit(self, amount: float) -> None:
        self.balance += amount


class BankStore(ABC):
    @abstractmethod
    def get(self) -> {answer}: ...

    @abstractmethod
    def save(self, bank: Bank) -> None: ...
"""


def _repositories(tmp_path: Path, answer: str) -> set[str]:
    write_tree(
        tmp_path,
        {
            "bank/__init__.py": "",
            "bank/domain/__init__.py": "",
            "bank/domain/model.py": CODE.replace("{answer}", answer),
        },
    )
    rows = patterns_rows(tmp_path, "bank")
    return {str(r["symbol"]) for r in rows if r["pattern"] == "repository"}


def test_a_port_giving_back_the_one_entity_it_stores(tmp_path: Path) -> None:
    assert "BankStore" in _repositories(tmp_path, "Bank")


def test_a_port_giving_back_another_class_is_no_repository(tmp_path: Path) -> None:
    # The near miss: the argument-less method answers a report, not what was stored.
    assert "BankStore" not in _repositories(tmp_path, "Report")
