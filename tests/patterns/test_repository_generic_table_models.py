"""A generic repository over a session, handed the model class it keeps (`Store(session, kind)`:
`fetch(id)` asks the session, `create(data)` builds a `kind` and adds it), is an application's
repository when its subclasses bind it to the program's own table models (`Store[Invoice]`,
`Invoice` a SQLModel table), though the program has no `domain` package: reported at the
default threshold, through `agentls patterns` run as a subprocess. The near miss: the same
generic store bound only to a builtin (`Store[str]`): nothing the program declares is kept, so
it stays a hint below the threshold, as a library's buffer would."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

STORE = (
    "from typing import Any, Generic, TypeVar\n\nT = TypeVar('T')\n\n\n"
    "class Store(Generic[T]):\n"
    "    def __init__(self, session: Any, kind: type[T]) -> None:\n"
    "        self.session = session\n        self.kind = kind\n\n"
    "    def fetch(self, key: int) -> T | None:\n        return self.session.get(self.kind, key)\n\n"
    "    def create(self, data: dict[str, Any]) -> T:\n"
    "        row = self.kind(**data)\n        self.session.add(row)\n        return row\n"
)
TABLES = (
    "from sqlmodel import Field, SQLModel\n\n\n"
    "class Invoice(SQLModel, table=True):\n"
    "    id: int | None = Field(default=None, primary_key=True)\n    total: int = 0\n"
)
BOUND = (
    "from typing import Any\n\nfrom billing.store import Store\nfrom billing.tables import Invoice\n\n\n"
    "class InvoiceStore(Store[Invoice]):\n"
    "    def __init__(self, session: Any) -> None:\n        super().__init__(session, Invoice)\n"
)
BUILTIN = (
    "from typing import Any\n\nfrom billing.store import Store\n\n\n"
    "class NoteStore(Store[str]):\n"
    "    def __init__(self, session: Any) -> None:\n        super().__init__(session, str)\n"
)


def _repositories(tmp_path: Path, files: dict[str, str]) -> dict[str, str]:
    write_tree(tmp_path, {"billing/__init__.py": "", "billing/store.py": STORE, **files})
    return roles_of(patterns_rows(tmp_path, "billing"), "repository")


def test_generic_store_bound_to_table_models_is_a_repository(tmp_path: Path) -> None:
    found = _repositories(tmp_path, {"billing/tables.py": TABLES, "billing/invoices.py": BOUND})
    assert found.get("Store") == "repository"
    assert found.get("InvoiceStore") == "repository"


def test_generic_store_bound_to_a_builtin_stays_a_hint(tmp_path: Path) -> None:
    found = _repositories(tmp_path, {"billing/notes.py": BUILTIN})
    assert "Store" not in found
    assert "NoteStore" not in found
