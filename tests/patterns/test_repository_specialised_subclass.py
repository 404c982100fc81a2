"""A per-entity repository may add nothing to the working generic repository it derives
(`class UserRepository(SqlRepository[User]): model = User`, or only an `__init__` passing the
model up): it inherits the whole collection interface. Beside the near miss: the same
specialising subclass of a generic schema that dumps and loads objects is no repository.
Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

MODELS = """\
from dataclasses import dataclass


@dataclass
class User:
    id: int
    email: str

    def rename(self, email: str) -> None:
        self.email = email
"""

REPOSITORIES = """\
from typing import Generic, TypeVar

from app.domain.models import User

T = TypeVar("T")


class SqlRepository(Generic[T]):
    model: type[T]

    def __init__(self, session) -> None:
        self.session = session

    def add(self, obj: T) -> None:
        self.session.add(obj)

    def get(self, id: int) -> T | None:
        return self.session.get(self.model, id)


class UserRepository(SqlRepository[User]):
    model = User


class AccountRepository(SqlRepository[User]):
    def __init__(self, session) -> None:
        super().__init__(session)
        self.model = User
"""

SCHEMAS = """\
from typing import Generic, TypeVar

from app.domain.models import User

T = TypeVar("T")


class Schema(Generic[T]):
    model: type[T]

    def dump(self, obj: T) -> dict[str, object]:
        return dict(vars(obj))

    def load(self, data: dict[str, object]) -> T:
        return self.model(**data)


class UserSchema(Schema[User]):
    model = User
"""


def _roles(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/domain/models.py": MODELS, "app/store.py": text})
    return roles_of(patterns_rows(tmp_path, "app", "--min-confidence", "0"), "repository")


def test_a_subclass_specialising_a_repository_is_one(tmp_path: Path) -> None:
    assert _roles(tmp_path, REPOSITORIES) == {
        "SqlRepository": "repository",
        "UserRepository": "repository",
        "AccountRepository": "repository",
    }


def test_a_subclass_specialising_a_schema_is_none(tmp_path: Path) -> None:
    assert _roles(tmp_path, SCHEMAS) == {}
