"""A repository with no finder by key whose store builds a row of a mapped class from the
fields it is handed (`insert_law(name, text)` adding a new `LawRow` in a session it opens) and
whose other method lists every row is the write side of a table's collection: a repository, and
its port the abstract repository, through `agentls patterns` run as a subprocess. The near miss:
the same store beside a method that mails a summary, touching no storage: no collection."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree
from tests.patterns.db_handler import DB

DOMAIN = """\
from collections import namedtuple

Law = namedtuple("Law", "id, name, text")
"""

ROWS = """\
from sqlalchemy import Column, Integer, String
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class LawRow(Base):
    __tablename__ = "laws"
    id = Column(Integer, primary_key=True)
    name = Column(String)
    text = Column(String)
"""

PORT = """\
from abc import ABC, abstractmethod

from app.domain.law import Law


class LawRepositoryInterface(ABC):
    @abstractmethod
    def insert_law(self, name: str, text: str) -> Law:
        raise NotImplementedError

    @abstractmethod
    def select_all_laws(self) -> list[Law]:
        raise NotImplementedError
"""

REPOSITORY = """\
from sqlalchemy import select

from app.data.port import LawRepositoryInterface
from app.domain.law import Law
from app.infra.db import DBConnectionHandler
from app.infra.rows import LawRow


class LawRepository(LawRepositoryInterface):
    def insert_law(self, name: str, text: str) -> Law:
        with DBConnectionHandler() as db_connection:
            row = LawRow(name=name, text=text)
            db_connection.session.add(row)
            db_connection.session.commit()
            return Law(id=row.id, name=row.name, text=row.text)

    def select_all_laws(self) -> list[Law]:
        with DBConnectionHandler() as db_connection:
            return [r[0] for r in db_connection.session.execute(select(LawRow)).all()]
"""

MAILER = """\
import smtplib

from app.domain.law import Law
from app.infra.db import DBConnectionHandler
from app.infra.rows import LawRow


class LawDesk:
    def insert_law(self, name: str, text: str) -> Law:
        with DBConnectionHandler() as db_connection:
            row = LawRow(name=name, text=text)
            db_connection.session.add(row)
            db_connection.session.commit()
            return Law(id=row.id, name=row.name, text=row.text)

    def mail_summary(self, address: str) -> None:
        with smtplib.SMTP("localhost") as smtp:
            smtp.sendmail("desk@example.org", [address], "new laws")
"""


def _roles(tmp_path: Path, store: str) -> dict[str, str]:
    write_tree(
        tmp_path,
        {
            "app/domain/law.py": DOMAIN,
            "app/data/port.py": PORT,
            "app/infra/rows.py": ROWS,
            "app/infra/db.py": DB,
            "app/infra/laws.py": store,
        },
    )
    return roles_of(patterns_rows(tmp_path, "app"), "repository")


def test_a_table_writer_listing_its_rows_is_a_repository(tmp_path: Path) -> None:
    roles = _roles(tmp_path, REPOSITORY)
    assert roles.get("LawRepository") == "repository"
    assert roles.get("LawRepositoryInterface") == "abstract_repository"


def test_the_same_store_beside_a_mailer_is_none(tmp_path: Path) -> None:
    assert "LawDesk" not in _roles(tmp_path, MAILER)
