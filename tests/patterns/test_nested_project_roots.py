"""A project nested in the analysed tree imports absolutely from its own folder: `one/` (a
package or not) holds `domain/book.py` and `adapter/store.py`, whose `from domain.book import
BookRepository` works when `one/` is on the path. The folder above the importer that the import
resolves against is taken as its root, so the adapter is found implementing its port, through
`agentls patterns` run as a subprocess; a folder holding only folders (`src/shared/` over
`ports/`) is walked through as a namespace package. The near miss: the same adapter in a third
folder `tools/`, beside two sibling projects each with a `domain/` package: neither is above
it, so neither port is taken for its base (and the sibling `two/` keeps no implementation)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.patterns.cli import patterns_rows, write_tree

DOMAIN = (
    "from abc import ABC, abstractmethod\n\n\nclass Book:\n"
    "    def __init__(self, book_id: int, title: str) -> None:\n"
    "        self.id = book_id\n        self.title = title\n\n"
    "    def rename(self, title: str) -> None:\n        self.title = title\n\n\n"
    "class BookRepository(ABC):\n    @abstractmethod\n    def find_by_id(self, book_id: int) -> Book | None: ...\n\n"
    "    @abstractmethod\n    def save(self, book: Book) -> None: ...\n"
)
ADAPTER = (
    "from {module} import Book, BookRepository\n\n\nclass SqlBooks(BookRepository):\n"
    "    def __init__(self, session) -> None:\n        self._session = session\n\n"
    "    def find_by_id(self, book_id: int) -> Book | None:\n        row = self._session.get(book_id)\n"
    "        return Book(row.id, row.title) if row else None\n\n"
    "    def save(self, book: Book) -> None:\n        self._session.merge(book.id, book.title)\n"
)
SIBLINGS = {
    "one/__init__.py": "",
    "one/domain/__init__.py": "",
    "one/domain/book.py": DOMAIN,
    "two/domain/book.py": DOMAIN,
}


def _repository_links(rows: list[dict[str, Any]]) -> dict[str, list[tuple[str, str]]]:
    """{path of a repository row: [(participant, its path)]}."""
    return {
        str(r["path"]): [(str(p["symbol"]), str(p["path"])) for p in r["participants"]]
        for r in rows
        if r["pattern"] == "repository"
    }


def test_a_nested_project_imports_from_its_own_folder(tmp_path: Path) -> None:
    write_tree(tmp_path, {**SIBLINGS, "one/adapter/store.py": ADAPTER.format(module="domain.book")})
    links = _repository_links(patterns_rows(tmp_path, ".", "--min-confidence", "0"))
    assert links["one/adapter/store.py"] == [("BookRepository", "one/domain/book.py")]
    assert links["one/domain/book.py"] == [("SqlBooks", "one/adapter/store.py")]
    assert links["two/domain/book.py"] == []


def test_a_folder_holding_only_folders_is_walked_through(tmp_path: Path) -> None:
    files = {
        "code/src/shared/ports/book.py": DOMAIN,
        "code/src/app/__init__.py": "",
        "code/src/app/store.py": ADAPTER.format(module="shared.ports.book"),
    }
    write_tree(tmp_path, files)
    links = _repository_links(patterns_rows(tmp_path, ".", "--min-confidence", "0"))
    assert links["code/src/app/store.py"] == [("BookRepository", "code/src/shared/ports/book.py")]


def test_a_sibling_projects_domain_is_no_root(tmp_path: Path) -> None:
    write_tree(tmp_path, {**SIBLINGS, "tools/adapter/store.py": ADAPTER.format(module="domain.book")})
    links = _repository_links(patterns_rows(tmp_path, ".", "--min-confidence", "0"))
    assert links["tools/adapter/store.py"] == []
    assert links["one/domain/book.py"] == []
    assert links["two/domain/book.py"] == []
