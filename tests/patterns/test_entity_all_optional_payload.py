"""A model in the domain package whose every field defaults to `None`, its `id` included, is a
bag of values any of which may be missing (a create, update or filter payload): nothing is
known by an identity that may be absent. The closest entity, the same fields with the
identity required, still is one; so is an all-optional class that a method changes."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

PAYLOAD = """\
from dataclasses import dataclass
from typing import Optional


@dataclass
class ArticlePayload:
    id: Optional[str] = None
    title: Optional[str] = None
    body: Optional[str] = None

    def check(self) -> None:
        if self.title is not None and not self.title.strip():
            raise ValueError("empty title")
"""

ENTITY = PAYLOAD.replace("id: Optional[str] = None", "id: str").replace("ArticlePayload", "Article")

CHANGED = (
    PAYLOAD.replace("ArticlePayload", "Draft")
    + """
    def retitle(self, title: str) -> None:
        self.title = title
"""
)


def _entities(tmp_path: Path, text: str) -> set[str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/domain/__init__.py": "", "app/domain/articles.py": text})
    return set(roles_of(patterns_rows(tmp_path, "app"), "entity"))


def test_a_class_with_a_required_identity_and_more_state_is_an_entity(tmp_path: Path) -> None:
    assert "Article" in _entities(tmp_path, ENTITY)


def test_the_same_class_with_every_field_optional_is_a_payload(tmp_path: Path) -> None:
    assert "ArticlePayload" not in _entities(tmp_path, PAYLOAD)


def test_an_all_optional_class_a_method_changes_is_still_an_entity(tmp_path: Path) -> None:
    assert "Draft" in _entities(tmp_path, CHANGED)
