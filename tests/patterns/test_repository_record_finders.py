"""A read-side port whose keyed finder answers a record of the domain's with no identity of its
own (`get_by_id(user_id) -> Optional[User]`, `User` a dataclass in a domain package), and
whose implementation asks the session for it in that method, is a repository port, through
`agentls patterns` run as a subprocess. The near miss: the same port answering a DTO of the
application's query package is a read model's query, no repository."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

PORT = """\
import abc
from typing import Optional

from app.{where} import {record}


class AccountLookup(abc.ABC):
    @abc.abstractmethod
    def get_by_id(self, user_id: str) -> Optional[{record}]:
        raise NotImplementedError

    @abc.abstractmethod
    def change_password(self, user_id: str, password: str) -> Optional[{record}]:
        raise NotImplementedError
"""

RECORD = """\
from dataclasses import dataclass


@dataclass
class {record}:
    email: str
    name: str
"""

IMPLEMENTATION = """\
from app.{where} import {record}
from app.ports import AccountLookup


class SqlAccountLookup(AccountLookup):
    def __init__(self, session) -> None:
        self.session = session

    def get_by_id(self, user_id: str) -> {record}:
        row = self.session.query(UserRow).filter(UserRow.id == user_id).first()
        return {record}(email=row.email, name=row.name)

    def change_password(self, user_id: str, password: str) -> {record}:
        row = self.session.query(UserRow).filter(UserRow.id == user_id).first()
        row.password = password
        self.session.flush()
        return {record}(email=row.email, name=row.name)


class UserRow:
    __tablename__ = "users"
"""


def _roles(tmp_path: Path, where: str, record: str) -> dict[str, str]:
    names = {"where": where, "record": record}
    files = {
        f"app/{where.replace('.', '/')}.py": RECORD.format(**names),
        "app/ports.py": PORT.format(**names),
        "app/adapters/sql.py": IMPLEMENTATION.format(**names),
    }
    write_tree(tmp_path, files)
    return roles_of(patterns_rows(tmp_path, "."), "repository")


def test_a_finder_port_answering_a_domain_record_read_from_the_session(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "domain.models", "User")
    assert roles.get("AccountLookup") == "abstract_repository"
    assert roles.get("SqlAccountLookup") == "repository"


def test_the_same_port_answering_a_query_dto_is_no_repository(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "application.queries", "UserDto")
    assert "AccountLookup" not in roles
    assert "SqlAccountLookup" not in roles
