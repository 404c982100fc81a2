"""A repository whose finder is named after the SQL verb (`select_book(book_id)`, as
clean-architecture templates name them) beside a store building the mapped row from the fields it
is handed in a session opened per call, through `agentls patterns` run as a subprocess; its port
is the abstract repository (the records it hands back are namedtuples, no entities to find by
key on their own). The near miss: a store handing on the record it is given, building no
mapped row, beside a `select_all_*` listing that takes no key: no look-up by key, no
collection interface."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree
from tests.patterns.db_handler import DB

DOMAIN = """\
from collections import namedtuple

Book = namedtuple("Book", "id, title")
"""

ROWS = """\
from sqlalchemy import Column, Integer, String
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class BookRow(Base):
    __tablename__ = "books"
    id = Column(Integer, primary_key=True)
    title = Column(String)
"""

PORT = """\
from abc import ABC, abstractmethod

from app.domain.book import Book


class BookRepositoryInterface(ABC):
    @abstractmethod
    def insert_book(self, title: str, shelf: str) -> Book:
        raise NotImplementedError

    @abstractmethod
    def select_book(self, book_id: int) -> list[Book]:
        raise NotImplementedError
"""

KEYED = """\
from sqlalchemy import select

from app.data.port import BookRepositoryInterface
from app.domain.book import Book
from app.infra.db import DBConnectionHandler
from app.infra.rows import BookRow


class BookRepository(BookRepositoryInterface):
    def insert_book(self, title: str, shelf: str) -> Book:
        with DBConnectionHandler() as db_connection:
            row = BookRow(title=title, shelf=shelf)
            db_connection.session.add(row)
            db_connection.session.commit()
            return Book(id=row.id, title=row.title)

    def select_book(self, book_id: int) -> list[Book]:
        with DBConnectionHandler() as db_connection:
            query = select(BookRow).where(BookRow.id == book_id)
            return [r[0] for r in db_connection.session.execute(query).all()]
"""

LISTING = """\
from sqlalchemy import select

from app.domain.book import Book
from app.infra.db import DBConnectionHandler
from app.infra.rows import BookRow


class BookShelf:
    def insert_book(self, book: Book) -> Book:
        with DBConnectionHandler() as db_connection:
            db_connection.session.add(book)
            db_connection.session.commit()
            return book

    def select_all_books(self) -> list[Book]:
        with DBConnectionHandler() as db_connection:
            return [r[0] for r in db_connection.session.execute(select(BookRow)).all()]
"""


def _repository_roles(tmp_path: Path, store: str) -> dict[str, str]:
    write_tree(
        tmp_path,
        {
            "app/domain/book.py": DOMAIN,
            "app/data/port.py": PORT,
            "app/infra/rows.py": ROWS,
            "app/infra/db.py": DB,
            "app/infra/books.py": store,
        },
    )
    return roles_of(patterns_rows(tmp_path, "app"), "repository")


def test_a_select_finder_by_key_makes_a_repository(tmp_path: Path) -> None:
    roles = _repository_roles(tmp_path, KEYED)
    assert roles.get("BookRepository") == "repository"
    assert roles.get("BookRepositoryInterface") == "abstract_repository"


def test_a_select_all_listing_is_no_finder(tmp_path: Path) -> None:
    assert "BookShelf" not in _repository_roles(tmp_path, LISTING)
