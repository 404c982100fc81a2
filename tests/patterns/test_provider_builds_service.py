"""Framework providers (FastAPI `Depends`) that build a service from what they are injected
while declaring no abstraction: a unit of work built over the injected session with no return
declared, a use case handed the injected unit of work; beside a provider handing an injected
value to a class. Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

APP = """\
from abc import ABC, abstractmethod
from dataclasses import dataclass


class Depends:
    def __init__(self, dependency=None) -> None:
        self.dependency = dependency


class Session:
    def commit(self) -> None: ...
    def rollback(self) -> None: ...


class Orders(ABC):
    @abstractmethod
    def add(self, order) -> None: ...

    @abstractmethod
    def get(self, ref: str): ...


class SqlOrders(Orders):
    def __init__(self, session: Session) -> None:
        self.session = session
        self._seen = {}

    def add(self, order) -> None:
        self._seen[order.ref] = order

    def get(self, ref: str):
        return self._seen.get(ref)


class UnitOfWork(ABC):
    orders: Orders

    @abstractmethod
    def commit(self) -> None: ...

    @abstractmethod
    def rollback(self) -> None: ...


class SqlUnitOfWork(UnitOfWork):
    def __init__(self, session: Session) -> None:
        self.session = session

    def __enter__(self):
        self.orders = SqlOrders(self.session)
        return self

    def __exit__(self, *args) -> None:
        self.rollback()

    def commit(self) -> None:
        self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()


class PlaceOrder:
    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow

    def handle(self, ref: str) -> None:
        with self.uow:
            self.uow.orders.add(ref)
            self.uow.commit()


@dataclass(frozen=True)
class Paging:
    limit: int
    offset: int


class Listing:
    def __init__(self, paging: Paging) -> None:
        self.paging = paging

    def window(self) -> tuple[int, int]:
        return self.paging.offset, self.paging.offset + self.paging.limit


def get_session():
    return Session()


def paging(limit: int = 20, offset: int = 0) -> Paging:
    return Paging(limit, offset)
"""

PROVIDERS = """\
from typing import Annotated

from shop.app import Depends, Listing, Paging, PlaceOrder, Session, SqlUnitOfWork, get_session, paging


def get_uow(session: Annotated[Session, Depends(get_session)]):
    return SqlUnitOfWork(session)


def get_place_order(uow: Annotated[SqlUnitOfWork, Depends(get_uow)]) -> PlaceOrder:
    return PlaceOrder(uow)


def get_listing(page: Annotated[Paging, Depends(paging)]) -> Listing:
    return Listing(page)
"""


def _roots(tmp_path: Path) -> set[str]:
    write_tree(tmp_path, {"shop/__init__.py": "", "shop/app.py": APP, "shop/providers.py": PROVIDERS})
    rows = patterns_rows(tmp_path, ".")
    return {str(r["symbol"]) for r in rows if r["pattern"] == "dependency_injection"}


def test_providers_building_services_from_what_they_are_injected_are_composition_roots(tmp_path: Path) -> None:
    assert {"get_uow", "get_place_order"} <= _roots(tmp_path)


def test_a_provider_handing_an_injected_value_to_a_class_wires_nothing(tmp_path: Path) -> None:
    assert "get_listing" not in _roots(tmp_path)
