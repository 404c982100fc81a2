"""A hook each subclass overrides to turn a document dict into its own record, reading the
fields by name (`Card(doc["title"], doc.get("width", 80))`), maps between representations:
no Factory Method, its classes no creators and the records no products (as `to_entity(row)`
reading attributes is not). Beside the near miss: the same hierarchy whose overrides hand
the document whole to the class each makes (`return Card(doc)`) still is one. Through
`agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

MAPPED = """\
from dataclasses import dataclass
from typing import Any


@dataclass
class Card:
    title: str
    width: int


@dataclass
class Row:
    title: str
    width: int


class View:
    def render(self, docs: list[dict[str, Any]]) -> list[object]:
        return [self.build(doc) for doc in docs]

    def build(self, doc: dict[str, Any]) -> object:
        raise NotImplementedError


class CardView(View):
    def build(self, doc: dict[str, Any]) -> Card:
        return Card(doc["title"], doc.get("width", 80))


class RowView(View):
    def build(self, doc: dict[str, Any]) -> Row:
        return Row(title=doc.get("title", ""), width=doc["width"])
"""

HANDED = """\
from typing import Any


class Card:
    def __init__(self, doc: dict[str, Any]) -> None:
        self.doc = doc


class Row:
    def __init__(self, doc: dict[str, Any]) -> None:
        self.doc = doc


class View:
    def render(self, docs: list[dict[str, Any]]) -> list[object]:
        return [self.build(doc) for doc in docs]

    def build(self, doc: dict[str, Any]) -> object:
        raise NotImplementedError


class CardView(View):
    def build(self, doc: dict[str, Any]) -> Card:
        return Card(doc)


class RowView(View):
    def build(self, doc: dict[str, Any]) -> Row:
        return Row(doc)
"""


def test_hook_reading_a_document_by_name_is_no_factory_method(tmp_path: Path) -> None:
    write_tree(tmp_path, {"reports/views.py": MAPPED})
    assert roles_of(patterns_rows(tmp_path, "--min-confidence", "0"), "factory") == {}


def test_hook_handing_the_document_whole_is_a_factory_method(tmp_path: Path) -> None:
    write_tree(tmp_path, {"reports/views.py": HANDED})
    roles = roles_of(patterns_rows(tmp_path, "--min-confidence", "0"), "factory")
    assert roles.get("View") == "creator"
    assert roles.get("CardView") == "concrete_creator"
    assert roles.get("Row") == "product"
