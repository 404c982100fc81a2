"""A repository's finder may be named `search` (`search_by_id`, as many DDD templates name it)
over a session it opens per call: `persist(entity)` adds the row made from the entity,
`search_by_id(id)` queries it back. Beside the near miss: the same finder with nothing that
stores is a query reader, no repository. Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

STORE = """\
class UserRow:
    __tablename__ = "users"

    def __init__(self, id: str, name: str) -> None:
        self.id = id
        self.name = name


class Users:
    def __init__(self, session_maker) -> None:
        self._session_maker = session_maker

    def persist(self, user: object) -> None:
        with self._session_maker.get_session() as session:
            session.add(UserRow(**user.to_dict()))
            session.commit()

    def search_by_id(self, user_id: str) -> object | None:
        with self._session_maker.get_session() as session:
            return session.query(UserRow).filter(UserRow.id == user_id).first()
"""

READER = """\
class UserRow:
    __tablename__ = "users"

    def __init__(self, id: str, name: str) -> None:
        self.id = id
        self.name = name


class Users:
    def __init__(self, session_maker) -> None:
        self._session_maker = session_maker

    def count(self) -> int:
        with self._session_maker.get_session() as session:
            return session.query(UserRow).count()

    def search_by_id(self, user_id: str) -> object | None:
        with self._session_maker.get_session() as session:
            return session.query(UserRow).filter(UserRow.id == user_id).first()
"""


def _roles(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/users.py": text})
    return roles_of(patterns_rows(tmp_path, "app", "--min-confidence", "0"), "repository")


def test_a_session_store_found_again_by_search(tmp_path: Path) -> None:
    assert _roles(tmp_path, STORE) == {"Users": "repository"}


def test_a_search_with_nothing_stored_is_a_reader(tmp_path: Path) -> None:
    assert _roles(tmp_path, READER) == {}
