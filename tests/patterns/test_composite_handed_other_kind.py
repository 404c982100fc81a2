"""A class handed, at construction, a container declared of another class by name (`sheets:
list[Sheet]`, `Sheet` imported only for type checking, so resolving to nothing) runs
objects of another kind: no composite; the same class handed a container declared of its own
class stays one. Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

BOOK = """\
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ledger.sheets import Sheet


class Book:
    def __init__(self, sheets: list[{kind}]):
        self.sheets = sheets

    def widen(self, *columns):
        for sheet in self.sheets:
            sheet.widen(*columns)
"""

SHEETS = """\
class Sheet:
    def __init__(self):
        self.columns = ()

    def widen(self, *columns):
        self.columns += columns
"""


def _roles(tmp_path: Path, kind: str) -> dict[str, str]:
    write_tree(
        tmp_path,
        {"ledger/__init__.py": "", "ledger/book.py": BOOK.replace("{kind}", kind), "ledger/sheets.py": SHEETS},
    )
    return {str(r["symbol"]): str(r["role"]) for r in patterns_rows(tmp_path, "ledger") if r["pattern"] == "composite"}


def test_a_book_handed_books_is_a_composite(tmp_path: Path) -> None:
    assert _roles(tmp_path, "Book").get("Book") == "composite"


def test_a_book_handed_sheets_by_name_is_none(tmp_path: Path) -> None:
    assert "Book" not in _roles(tmp_path, "Sheet")
