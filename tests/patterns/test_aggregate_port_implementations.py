"""Aggregate roots known by the repository storing them when that repository is known only as
the implementation of a port (`LoanRepository(LoanRepositoryPort)` over a generic
`Repository[T]` port): a loan refusing a change that breaks its rule is a root, and the near
miss, a loan changing freely, is not. A root may also own its parts without guarding them
through a method: a loan keeping `Instalment` entities that no other repository stores owns
them; the near miss, instalments with a repository of their own, are aggregates of their own
and the loan keeping them is no root by that."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

PORTS = """\
from abc import ABC, abstractmethod
from typing import Generic, TypeVar

T = TypeVar("T")


class Repository(ABC, Generic[T]):
    @abstractmethod
    def add(self, entity: T) -> None: ...

    @abstractmethod
    def get(self, uid: str) -> T: ...


class LoanRepositoryPort(Repository, ABC):
    pass


class InstalmentRepositoryPort(Repository, ABC):
    pass
"""

LOAN = """\
from typing import List


class Instalment:
    def __init__(self, uid: str, amount: float) -> None:
        self.__id = uid
        self.__amount = amount

    @property
    def id(self) -> str:
        return self.__id

    def reschedule(self, amount: float) -> None:
        self.__amount = amount


class Loan:
    def __init__(self, uid: str, limit: float, instalments: List[Instalment]) -> None:
        self.__id = uid
        self.__limit = limit
        self.__instalments = instalments

    @property
    def id(self) -> str:
        return self.__id

    def change_limit(self, limit: float) -> None:
        {guard}self.__limit = limit
"""

# a table-gateway row class the repositories write through, as ORM models are used
ROWS = """\
class Row:
    id = None

    @classmethod
    def create(cls, **fields: object) -> None: ...

    @classmethod
    def get(cls, query: object) -> object: ...
"""

GUARD = "if limit < 0:\n            raise ValueError('negative limit')\n        "

STORE = """\
from lending.domain.loan import Instalment, Loan
from lending.domain.ports import {port}
from lending.infrastructure.rows import Row


class {name}({port}):
    def add(self, entity: {kind}) -> None:
        Row.create(id=entity.id, table="{kind}")

    def get(self, uid: str) -> {kind}:
        return Row.get(Row.id == uid)
"""


def _roles(tmp_path: Path, guard: str, instalment_store: bool) -> dict[str, str]:
    files = {
        "lending/__init__.py": "",
        "lending/domain/__init__.py": "",
        "lending/domain/ports.py": PORTS,
        "lending/domain/loan.py": LOAN.replace("{guard}", guard),
        "lending/infrastructure/__init__.py": "",
        "lending/infrastructure/rows.py": ROWS,
        "lending/infrastructure/loans.py": STORE.format(port="LoanRepositoryPort", name="LoanRepository", kind="Loan"),
    }
    if instalment_store:
        files["lending/infrastructure/instalments.py"] = STORE.format(
            port="InstalmentRepositoryPort", name="InstalmentRepository", kind="Instalment"
        )
    write_tree(tmp_path, files)
    return roles_of(patterns_rows(tmp_path, "lending"), "aggregate")


def test_a_guarding_entity_stored_through_a_port_implementation_is_a_root(tmp_path: Path) -> None:
    assert _roles(tmp_path, GUARD, instalment_store=True).get("Loan") == "aggregate_root"


def test_an_entity_changing_freely_with_independent_parts_is_not(tmp_path: Path) -> None:
    assert "Loan" not in _roles(tmp_path, "", instalment_store=True)


def test_a_root_owns_the_entities_no_other_repository_stores(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "", instalment_store=False)
    assert roles.get("Loan") == "aggregate_root"
    assert roles.get("Instalment") == "member"
