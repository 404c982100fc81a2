"""An entity keeping objects in a field it declares (`lines: list[Line]` on an `Invoice` with an
identity), adding them and finding one by id, holds its parts: no repository, through
`agentls patterns` run as a subprocess. The near miss: a dataclass with no identity keeping
invoices in a declared list the same way is an in-memory repository."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

LINES = """\
from dataclasses import dataclass, field


@dataclass
class Line:
    id: str
    amount: int


@dataclass
class Invoice:
    id: str
    customer: str
    lines: list[Line] = field(default_factory=list)

    def add_line(self, line: Line) -> None:
        self.lines.append(line)

    def get_line_by_id(self, line_id: str) -> Line:
        for line in self.lines:
            if line.id == line_id:
                return line
        raise KeyError(line_id)

    def rename(self, customer: str) -> None:
        self.customer = customer
"""

STORE = """\
from dataclasses import dataclass, field

from app.domain.invoice import Invoice


@dataclass
class InvoiceShelf:
    invoices: list[Invoice] = field(default_factory=list)

    def add(self, invoice: Invoice) -> None:
        self.invoices.append(invoice)

    def get(self, invoice_id: str) -> Invoice:
        for invoice in self.invoices:
            if invoice.id == invoice_id:
                return invoice
        raise KeyError(invoice_id)
"""


def test_an_entity_keeping_its_parts_in_a_declared_field_is_no_repository(tmp_path: Path) -> None:
    write_tree(tmp_path, {"app/domain/invoice.py": LINES})
    assert "Invoice" not in roles_of(patterns_rows(tmp_path, "."), "repository")


def test_a_dataclass_without_identity_keeping_entities_is_a_repository(tmp_path: Path) -> None:
    write_tree(tmp_path, {"app/domain/invoice.py": LINES, "app/domain/shelf.py": STORE})
    assert roles_of(patterns_rows(tmp_path, "."), "repository").get("InvoiceShelf") == "repository"
