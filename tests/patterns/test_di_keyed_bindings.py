"""A bootstrap function filing an implementation under the abstraction it implements in a
container keyed by class (`di[UserRepository] = SqlUserRepository(db)`, as kink and lagom
spell a binding) wires the object graph: a composition root. Beside the near miss: the same
function filing handlers under the messages they handle (`handlers[CreateUser] =
CreateUserHandler()`, no handler deriving its key) fills a routing table, no binding. Through
`agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

PORTS = """\
from abc import ABC, abstractmethod


class UserRepository(ABC):
    @abstractmethod
    def add(self, user: object) -> None: ...


class SqlUserRepository(UserRepository):
    def __init__(self, db: object) -> None:
        self.db = db

    def add(self, user: object) -> None:
        self.db.add(user)


class CreateUser:
    name: str


class CreateUserHandler:
    def __call__(self, command: CreateUser) -> None:
        print(command.name)
"""

BINDING = """\
from container import di

from app.ports import SqlUserRepository, UserRepository


def bootstrap(db: object) -> None:
    di[UserRepository] = SqlUserRepository(db)
"""

ROUTING = """\
from container import handlers

from app.ports import CreateUser, CreateUserHandler


def bootstrap(db: object) -> None:
    handlers[CreateUser] = CreateUserHandler()
"""


def _roots(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/ports.py": PORTS, "app/bootstrap.py": text})
    rows = patterns_rows(tmp_path, "app", "--min-confidence", "0")
    return {k: v for k, v in roles_of(rows, "dependency_injection").items() if k == "bootstrap"}


def test_binding_an_implementation_under_its_port_is_a_composition_root(tmp_path: Path) -> None:
    assert _roots(tmp_path, BINDING) == {"bootstrap": "composition_root"}


def test_filing_handlers_under_their_messages_is_no_binding(tmp_path: Path) -> None:
    assert _roots(tmp_path, ROUTING) == {}
