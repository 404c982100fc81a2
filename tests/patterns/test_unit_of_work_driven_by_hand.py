"""A unit of work its callers drive by hand, with no `with` block: a port declaring abstract
`commit` / `rollback` beside a repository attribute, a per-feature port narrowing it, and an
implementation holding a session and a repository whose `commit` / `rollback` end the session's
transaction. The closest non-unit: the same session wrapper holding no repository (a connection
helper that commits and rolls back is a transaction, not a unit of work over repositories)."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

PORTS = """\
from abc import ABC, abstractmethod


class Book:
    def __init__(self, book_id: str, title: str) -> None:
        self.book_id = book_id
        self.title = title


class BookRepository(ABC):
    @abstractmethod
    def add(self, book: Book) -> None: ...

    @abstractmethod
    def get(self, book_id: str) -> Book: ...


class Transaction(ABC):
    books: BookRepository

    @abstractmethod
    def commit(self) -> None: ...

    @abstractmethod
    def rollback(self) -> None: ...


class LibraryTransaction(Transaction):
    pass
"""

IMPL = """\
from domain.ports import Book, BookRepository, LibraryTransaction


class SqlBookRepository(BookRepository):
    def __init__(self, db) -> None:
        self.db = db

    def add(self, book: Book) -> None:
        self.db.add(book)

    def get(self, book_id: str) -> Book:
        return self.db.get(Book, book_id)


class SqlLibraryTransaction(LibraryTransaction):
    def __init__(self, db, books: SqlBookRepository) -> None:
        self.db = db
        self.books: SqlBookRepository = books

    def commit(self) -> None:
        self.db.commit()

    def rollback(self) -> None:
        self.db.rollback()
"""

BARE = IMPL.replace(", books: SqlBookRepository) -> None:", ") -> None:").replace(
    "        self.books: SqlBookRepository = books\n", ""
)


BARE_PORTS = PORTS.replace("    books: BookRepository\n", "")


def _roles(tmp_path: Path, impl: str, ports: str = PORTS) -> dict[str, str]:
    write_tree(
        tmp_path,
        {"domain/__init__.py": "", "domain/ports.py": ports, "infra/__init__.py": "", "infra/sql.py": impl},
    )
    return dict(roles_of(patterns_rows(tmp_path, "."), "unit_of_work"))


def test_a_unit_of_work_driven_by_hand_over_a_repository_is_one(tmp_path: Path) -> None:
    roles = _roles(tmp_path, IMPL)
    assert roles.get("SqlLibraryTransaction") == "unit_of_work"
    assert roles.get("Transaction") == "abstract_unit_of_work"
    assert roles.get("LibraryTransaction") == "abstract_unit_of_work"


def test_the_same_session_wrapper_without_a_repository_is_none(tmp_path: Path) -> None:
    assert not _roles(tmp_path, BARE, BARE_PORTS)
