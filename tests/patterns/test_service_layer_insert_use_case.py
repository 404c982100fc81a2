"""A use case holding a repository port (typed `Type[...]`, the repository's methods class
methods) that validates its input and stores through `insert_city(...)`, a repository method
named after the SQL verb, is a service, through `agentls patterns` run as a subprocess. The near
miss: the same holder that only looks cities up through `select_city(city_id)`: it changes
nothing, no service."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree
from tests.patterns.db_handler import DB_HANDLER

DOMAIN = """\
from collections import namedtuple

City = namedtuple("City", "id, name, state")
"""

PORT = """\
from abc import ABC, abstractmethod

from app.domain.city import City


class CityRepositoryInterface(ABC):
    @abstractmethod
    def insert_city(self, name: str, state: str) -> City:
        raise NotImplementedError

    @abstractmethod
    def select_city(self, city_id: int) -> list[City]:
        raise NotImplementedError
"""

REPOSITORY = (
    """\
from sqlalchemy import Column, Integer, String, create_engine, select
from sqlalchemy.orm import Session, declarative_base

from app.data.port import CityRepositoryInterface
from app.domain.city import City

Base = declarative_base()


class CityRow(Base):
    __tablename__ = "cities"
    id = Column(Integer, primary_key=True)
    name = Column(String)
    state = Column(String)


"""
    + DB_HANDLER
    + """\


class CityRepository(CityRepositoryInterface):
    @classmethod
    def insert_city(cls, name: str, state: str) -> City:
        with DBConnectionHandler() as db_connection:
            row = CityRow(name=name, state=state)
            db_connection.session.add(row)
            db_connection.session.commit()
            return City(id=row.id, name=row.name, state=row.state)

    @classmethod
    def select_city(cls, city_id: int) -> list[City]:
        with DBConnectionHandler() as db_connection:
            query = select(CityRow).where(CityRow.id == city_id)
            return [r[0] for r in db_connection.session.execute(query).all()]
"""
)

USE_CASES = """\
from typing import Type

from app.data.port import CityRepositoryInterface


class RegisterCity:
    def __init__(self, city_repository: Type[CityRepositoryInterface]) -> None:
        self._city_repository = city_repository

    def register(self, name: str, state: str) -> dict:
        valid = isinstance(name, str) and len(state) == 2
        response = None
        if valid:
            response = self._city_repository.insert_city(name=name, state=state)
        return {"Success": valid, "Data": response}


class FindCity:
    def __init__(self, city_repository: Type[CityRepositoryInterface]) -> None:
        self._city_repository = city_repository

    def by_id(self, city_id: int) -> dict:
        response = self._city_repository.select_city(city_id=city_id)
        return {"Success": bool(response), "Data": response}
"""


def _services(tmp_path: Path) -> dict[str, str]:
    write_tree(
        tmp_path,
        {
            "app/domain/city.py": DOMAIN,
            "app/data/port.py": PORT,
            "app/data/use_cases.py": USE_CASES,
            "app/infra/city_repository.py": REPOSITORY,
        },
    )
    return roles_of(patterns_rows(tmp_path, "app"), "service_layer")


def test_a_use_case_inserting_through_its_repository_is_a_service(tmp_path: Path) -> None:
    assert _services(tmp_path).get("RegisterCity") == "service"


def test_a_use_case_only_selecting_through_it_is_none(tmp_path: Path) -> None:
    assert "FindCity" not in _services(tmp_path)
