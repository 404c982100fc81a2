"""The smallest composition root: a static method handing a use case a new repository
implementation behind the port its constructor declares (`return
CreateCustomer(SqlCustomerRepository())` with `__init__(self, repo: CustomerRepositoryPort)`).
The near misses: the constructor typed with the concrete class itself (nothing is chosen
behind a port), and a method choosing one of two implementations by its argument (a
factory's choice, several answers)."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

DOMAIN = """\
from abc import ABC, abstractmethod


class CustomerRepositoryPort(ABC):
    @abstractmethod
    def add(self, customer: object) -> None: ...
"""

INFRA = """\
from crm.domain.ports import CustomerRepositoryPort


class SqlCustomerRepository(CustomerRepositoryPort):
    def add(self, customer: object) -> None:
        print("insert", customer)


class MemoryCustomerRepository(CustomerRepositoryPort):
    def add(self, customer: object) -> None:
        print("keep", customer)
"""

USE_CASE = """\
from crm.domain.ports import CustomerRepositoryPort
from crm.infrastructure.repositories import SqlCustomerRepository


class CreateCustomer:
    def __init__(self, repo: {typed}) -> None:
        self.repo = repo

    def execute(self, name: str) -> None:
        self.repo.add(name)
"""

ONE = """\
from crm.application.create_customer import CreateCustomer
from crm.infrastructure.repositories import MemoryCustomerRepository, SqlCustomerRepository


class ApiFactory:
    @staticmethod
    def create_customer_use_case() -> CreateCustomer:
        return CreateCustomer(SqlCustomerRepository())
"""

CHOICE = """\
from crm.application.create_customer import CreateCustomer
from crm.infrastructure.repositories import MemoryCustomerRepository, SqlCustomerRepository


class ApiFactory:
    @staticmethod
    def create_customer_use_case(testing: bool) -> CreateCustomer:
        if testing:
            return CreateCustomer(MemoryCustomerRepository())
        return CreateCustomer(SqlCustomerRepository())
"""


def _roots(tmp_path: Path, typed: str, wiring: str) -> set[str]:
    write_tree(
        tmp_path,
        {
            "crm/__init__.py": "",
            "crm/domain/__init__.py": "",
            "crm/domain/ports.py": DOMAIN,
            "crm/infrastructure/__init__.py": "",
            "crm/infrastructure/repositories.py": INFRA,
            "crm/application/__init__.py": "",
            "crm/application/create_customer.py": USE_CASE.format(typed=typed),
            "crm/api/__init__.py": "",
            "crm/api/factory.py": wiring,
        },
    )
    rows = patterns_rows(tmp_path, "crm")
    return {str(r["symbol"]) for r in rows if r["role"] == "composition_root"}


def test_a_new_implementation_behind_the_declared_port(tmp_path: Path) -> None:
    assert _roots(tmp_path, "CustomerRepositoryPort", ONE) == {"ApiFactory.create_customer_use_case"}


def test_a_constructor_typed_with_the_concrete_class(tmp_path: Path) -> None:
    assert _roots(tmp_path, "SqlCustomerRepository", ONE) == set()


def test_an_implementation_chosen_by_argument(tmp_path: Path) -> None:
    assert _roots(tmp_path, "CustomerRepositoryPort", CHOICE) == set()
