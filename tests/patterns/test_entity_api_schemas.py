"""A web API's request and response models kept in a `schemas` module of the domain package
(`domain/users/schemas.py`, FastAPI's convention beside `models.py`) show an entity or ask for
one; they are not the entity. The same class in the domain package's `models.py` is one."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

USER = """\
class UserBase:
    def __init__(self, id: int, username: str, email: str) -> None:
        self.id = id
        self.username = username
        self.email = email

    def rename(self, username: str) -> None:
        self.username = username


class UserWithToken(UserBase):
    def __init__(self, id: int, username: str, email: str, token: str) -> None:
        super().__init__(id, username, email)
        self.token = token
"""


def _entities(tmp_path: Path, module: str) -> set[str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/domain/__init__.py": "", f"app/domain/users/{module}.py": USER})
    return {r["symbol"] for r in patterns_rows(tmp_path, "app") if r["pattern"] == "entity"}


def test_a_mutable_class_with_an_id_in_the_domain_models_is_an_entity(tmp_path: Path) -> None:
    assert {"UserBase", "UserWithToken"} <= _entities(tmp_path, "models")


def test_the_same_classes_in_the_domain_api_schemas_are_not(tmp_path: Path) -> None:
    assert not {"UserBase", "UserWithToken"} & _entities(tmp_path, "schemas")
