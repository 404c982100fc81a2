"""A dataclass in a domain package whose fields are values and that nothing changes is a value
object; one with a field typed as an entity (`user: User`, a class with an identity that
changes) keeps something that is no value, so the holder compares none. Through
`agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

USER = """\
class User:
    def __init__(self, id: str, email: str) -> None:
        self.id = id
        self.email = email

    def change_email(self, email: str) -> None:
        self.email = email
"""

HOLDER = """\
from dataclasses import dataclass

from app.domain.user import User


@dataclass
class Membership:
    user: User
    level: str
"""

VALUES = """\
from dataclasses import dataclass


@dataclass
class Membership:
    user_email: str
    level: str
"""


def _values(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/domain/user.py": USER, "app/domain/membership.py": text})
    return roles_of(patterns_rows(tmp_path, "app", "--min-confidence", "0"), "value_object")


def test_a_dataclass_holding_an_entity_is_no_value(tmp_path: Path) -> None:
    assert _values(tmp_path, HOLDER) == {}


def test_a_dataclass_of_values_is_a_value(tmp_path: Path) -> None:
    assert _values(tmp_path, VALUES) == {"Membership": "value_object"}
