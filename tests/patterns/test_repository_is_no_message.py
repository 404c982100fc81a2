"""A function use case may take its repository first (`register(customers, id, name)`); a
repository port adding nothing to its generic base (`class CustomerRepository(Repository[C]):
pass`) then looks like a data class handed to a handler, but it is the use case's dependency,
not a command. Beside the near miss: a data class handed first beside the same repository
is still the command. Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows

DOMAIN = """\
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass
class Customer:
    id: str
    name: str

    def rename(self, name: str) -> None:
        self.name = name


class Repository(ABC, Generic[T]):
    @abstractmethod
    def add(self, item: T) -> None: ...

    @abstractmethod
    def get(self, id: str) -> T | None: ...


class CustomerRepository(Repository[Customer], ABC):
    pass


class MemoryCustomers(CustomerRepository):
    def __init__(self) -> None:
        self._items: dict[str, Customer] = {}

    def add(self, item: Customer) -> None:
        self._items[item.id] = item

    def get(self, id: str) -> Customer | None:
        return self._items.get(id)


@dataclass(frozen=True)
class RegisterCustomer:
    id: str
    name: str
"""

REPOSITORY_FIRST = """\
from crm.domain import Customer, CustomerRepository


def register_customer(customers: CustomerRepository, id: str, name: str) -> None:
    customers.add(Customer(id, name))
"""

MESSAGE_FIRST = """\
from crm.domain import Customer, CustomerRepository, RegisterCustomer


def register_customer(command: RegisterCustomer, customers: CustomerRepository) -> None:
    customers.add(Customer(command.id, command.name))
"""


def _commands(tmp_path: Path, service: str) -> set[str]:
    files = {"crm/__init__.py": "", "crm/domain.py": DOMAIN, "crm/services.py": service}
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text)
    rows = patterns_rows(tmp_path, ".")
    return {str(r["symbol"]) for r in rows if r["pattern"] == "cqrs_command"}


def test_a_repository_handed_first_to_a_function_use_case_is_no_command(tmp_path: Path) -> None:
    found = _commands(tmp_path, REPOSITORY_FIRST)
    assert not found & {"CustomerRepository", "Repository", "MemoryCustomers"}


def test_a_data_class_handed_first_beside_the_repository_is_the_command(tmp_path: Path) -> None:
    found = _commands(tmp_path, MESSAGE_FIRST)
    assert "RegisterCustomer" in found
    assert not found & {"CustomerRepository", "Repository", "MemoryCustomers"}
