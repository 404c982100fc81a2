"""A class holding a repository whose storing methods only hand their own arguments on to the
repository's method of the same name (`add(user)` -> `self.users.add(user)`, as
`create_user(name, email)` -> `self.repo.create_user(name, email)`) wraps the repository: an
adapter in front of it, no use case. Beside the near miss: the same class whose method checks
a rule and then stores under another name (`register(user)` -> `self.users.add(user)`)
orchestrates, and is a service. Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

REPOSITORY = """\
class User:
    def __init__(self, id: str, email: str) -> None:
        self.id = id
        self.email = email


class Users:
    def __init__(self) -> None:
        self._rows: dict[str, User] = {}

    def add(self, user: User) -> None:
        self._rows[user.id] = user

    def get(self, user_id: str) -> User:
        return self._rows[user_id]
"""

ADAPTER = """\
from app.repository import User, Users


class UsersAdapter:
    def __init__(self) -> None:
        self.users = Users()

    def add(self, user: User) -> None:
        self.users.add(user)
"""

SERVICE = """\
from app.repository import User, Users


class UsersAdapter:
    def __init__(self) -> None:
        self.users = Users()

    def register(self, user: User) -> None:
        if "@" not in user.email:
            raise ValueError(user.email)
        self.users.add(user)
"""


def _services(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/repository.py": REPOSITORY, "app/users.py": text})
    return roles_of(patterns_rows(tmp_path, "app", "--min-confidence", "0"), "service_layer")


def test_forwarding_to_the_same_method_is_no_service(tmp_path: Path) -> None:
    assert _services(tmp_path, ADAPTER) == {}


def test_storing_under_its_own_use_case_is_a_service(tmp_path: Path) -> None:
    assert _services(tmp_path, SERVICE) == {"UsersAdapter": "service"}
