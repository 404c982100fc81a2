"""An object's own dict of sets filled by a method not named to store (`join(socket, room)`
adding the socket under the room the caller names) and read back by that room is a grouping of
live connections, not a repository, through `agentls patterns` run as a subprocess. Beside it,
the look-alike that stays one: an in-memory repository whose `save` adds the member to its own
set and whose `get` searches it by the member's id."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

DOMAIN = """\
from dataclasses import dataclass


@dataclass(eq=False)
class Member:
    id: str
    name: str

    def rename(self, name: str) -> None:
        self.name = name
"""

STORES = """\
from app.domain.member import Member


class MemoryMembers:
    def __init__(self) -> None:
        self._members: set[Member] = set()

    def save(self, member: Member) -> None:
        self._members.add(member)

    def get(self, member_id: str) -> Member | None:
        for member in self._members:
            if member.id == member_id:
                return member
        return None


class Rooms:
    def __init__(self) -> None:
        self._rooms: dict[str, set[object]] = {}

    def join(self, socket: object, room: str) -> None:
        if room not in self._rooms:
            self._rooms[room] = set()
        self._rooms[room].add(socket)

    def members_of(self, room: str) -> set[object]:
        return self._rooms[room]
"""


def _roles(tmp_path: Path) -> dict[str, str]:
    write_tree(tmp_path, {"app/domain/member.py": DOMAIN, "app/infra/stores.py": STORES})
    return roles_of(patterns_rows(tmp_path, "app"), "repository")


def test_an_own_set_a_save_adds_to_is_a_repository(tmp_path: Path) -> None:
    assert _roles(tmp_path).get("MemoryMembers") == "repository"


def test_rooms_of_sockets_joined_by_a_caller_key_are_no_repository(tmp_path: Path) -> None:
    assert "Rooms" not in _roles(tmp_path)
