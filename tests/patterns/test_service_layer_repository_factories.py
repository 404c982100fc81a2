"""Handlers entering the unit of work a factory function hands out (`async with
make_unit_of_work() as uow:`) and getting their repository from a function whose return
annotation is a repository (`account_repository(uow) -> AccountRepository`) are services when
they store through it or load through it and ask what they loaded to act, through `agentls
patterns` run as a subprocess. The near miss: a handler that only loads through it and records
an event on the unit of work (`uow.emit(...)`): the unit of work is no loaded object."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

DOMAIN = """\
from dataclasses import dataclass


@dataclass
class Account:
    account_id: str
    balance: int = 0

    def deposit(self, amount: int) -> None:
        if amount <= 0:
            raise ValueError(amount)
        self.balance += amount
"""

PORT = """\
from abc import ABC, abstractmethod

from app.domain.account import Account


class AccountRepository(ABC):
    @abstractmethod
    async def add(self, account: Account) -> None: ...

    @abstractmethod
    async def find_by_id(self, account_id: str) -> Account | None: ...
"""

ADAPTERS = """\
from app.domain.account import Account
from app.ports.repositories import AccountRepository


class MemoryAccountRepository(AccountRepository):
    _accounts: dict[str, Account] = {}

    def __init__(self, uow) -> None:
        self.uow = uow

    async def add(self, account: Account) -> None:
        self._accounts[account.account_id] = account

    async def find_by_id(self, account_id: str) -> Account | None:
        return self._accounts.get(account_id)


def account_repository(uow) -> AccountRepository:
    return MemoryAccountRepository(uow)
"""

UOW = """\
import contextlib


class Work:
    def __init__(self) -> None:
        self.events: list = []

    def emit(self, event) -> None:
        self.events.append(event)


@contextlib.asynccontextmanager
async def make_unit_of_work():
    yield Work()
"""

HANDLERS = """\
from app.adapters.repositories import account_repository
from app.domain.account import Account
from app.infrastructure.uow import make_unit_of_work


async def open_account(account_id: str) -> None:
    async with make_unit_of_work() as uow:
        await account_repository(uow).add(Account(account_id=account_id))


async def deposit(account_id: str, amount: int) -> None:
    async with make_unit_of_work() as uow:
        account = await account_repository(uow).find_by_id(account_id)
        account.deposit(amount)


async def announce(account_id: str) -> None:
    async with make_unit_of_work() as uow:
        account = await account_repository(uow).find_by_id(account_id)
        uow.emit(("seen", account_id, account is not None))
"""


def _services(tmp_path: Path) -> dict[str, str]:
    write_tree(
        tmp_path,
        {
            "app/domain/account.py": DOMAIN,
            "app/ports/repositories.py": PORT,
            "app/adapters/repositories.py": ADAPTERS,
            "app/infrastructure/uow.py": UOW,
            "app/application/handlers.py": HANDLERS,
        },
    )
    return roles_of(patterns_rows(tmp_path, "app"), "service_layer")


def test_handlers_storing_or_acting_through_a_factory_made_repository_are_services(tmp_path: Path) -> None:
    services = _services(tmp_path)
    assert services.get("open_account") == "service"
    assert services.get("deposit") == "service"


def test_a_handler_only_emitting_on_the_unit_of_work_is_none(tmp_path: Path) -> None:
    assert "announce" not in _services(tmp_path)
