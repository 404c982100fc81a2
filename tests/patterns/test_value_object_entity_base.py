"""A dataclass in a domain package deriving an entity base that compares by identity
(`__eq__` on `oid`) inherits that equality: an entity, no value object; beside the same
dataclass deriving a base that only carries a field, which stays a value object. Through
`agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

BASE_BY_IDENTITY = """\
from dataclasses import dataclass, field
from uuid import uuid4


@dataclass
class Base:
    oid: str = field(default_factory=lambda: str(uuid4()), kw_only=True)
    notes: list[str] = field(default_factory=list, kw_only=True)

    def __hash__(self) -> int:
        return hash(self.oid)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Base) and self.oid == other.oid

    def note(self, text: str) -> None:
        self.notes.append(text)
"""

BASE_PLAIN = """\
from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class Base:
    stamped_at: datetime = field(default_factory=datetime.now, kw_only=True)
"""

REPLY = """\
from dataclasses import dataclass

from forum.domain.base import Base


@dataclass(eq=False)
class Reply(Base):
    text: str
    author: str
"""


def _values(tmp_path: Path, base: str) -> set[str]:
    write_tree(
        tmp_path,
        {
            "forum/__init__.py": "",
            "forum/domain/__init__.py": "",
            "forum/domain/base.py": base,
            "forum/domain/reply.py": REPLY,
        },
    )
    rows = patterns_rows(tmp_path, ".")
    return {str(r["symbol"]) for r in rows if r["pattern"] == "value_object"}


def test_a_dataclass_deriving_an_identity_compared_base_is_no_value_object(tmp_path: Path) -> None:
    assert "Reply" not in _values(tmp_path, BASE_BY_IDENTITY)


def test_the_same_dataclass_over_a_base_with_no_equality_stays_a_value_object(tmp_path: Path) -> None:
    assert "Reply" in _values(tmp_path, BASE_PLAIN)
