"""A class holding a repository whose method loads an object through it by a key it was given
and asks that object to act (`user = self.users.get(user_id); user.rename(name)`) is a
use-case service; the same class whose method only fills a list it made itself with what the
repository lists (`rows.append(user)`) loads no aggregate that acts: no service. Through
`agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

APP = """\
class User:
    def __init__(self, user_id: str, name: str, team: str) -> None:
        self.id = user_id
        self.name = name
        self.team = team

    def rename(self, name: str) -> None:
        self.name = name


class UserRepository:
    def __init__(self) -> None:
        self._users: dict[str, User] = {}

    def add(self, user: User) -> None:
        self._users[user.id] = user

    def get(self, user_id: str) -> User:
        return self._users[user_id]

    def find_by_team(self, team: str) -> list[User]:
        return [u for u in self._users.values() if u.team == team]


class Users:
    def __init__(self, users: UserRepository) -> None:
        self.users = users

{method}
"""

RENAME = """\
    def rename(self, user_id: str, name: str) -> None:
        user = self.users.get(user_id)
        user.rename(name)
"""

LISTING = """\
    def team_members(self, team: str) -> list[User]:
        rows = []
        for user in self.users.find_by_team(team):
            rows.append(user)
        return rows
"""


def _service_roles(tmp_path: Path, method: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/users.py": APP.replace("{method}", method)})
    return roles_of(patterns_rows(tmp_path, "app"), "service_layer")


def test_loading_a_user_and_asking_it_to_act_is_a_use_case(tmp_path: Path) -> None:
    assert _service_roles(tmp_path, RENAME).get("Users") == "service"


def test_filling_a_list_of_its_own_with_what_it_listed_is_no_use_case(tmp_path: Path) -> None:
    assert "Users" not in _service_roles(tmp_path, LISTING)
