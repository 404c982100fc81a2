"""A class's inherited methods are the ones Python finds: its ancestors are read in method
resolution order (the first base and what it inherits before the second), so where two bases
define the same method the first one's wins, through `agentls patterns` run as a subprocess.

`class InMemoryUserRepository(DictStorage, UserRepository)` stores through `DictStorage.add`
and finds through `DictStorage.get`: a repository on its own evidence. The near miss, the bases
swapped: Python then finds the port's abstract `add` and `get` first (the class cannot even be
made), so nothing it inherits stores; it is a repository only as the port's implementation.
"""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

REPO = """\
from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass


@dataclass
class User:
    id: str
    name: str


class UserRepository(ABC):
    @abstractmethod
    def add(self, user: User) -> None: ...

    @abstractmethod
    def get(self, user_id: str) -> User | None: ...


class DictStorage:
    def __init__(self) -> None:
        self._rows: dict[str, User] = {}

    def add(self, user: User) -> None:
        self._rows[user.id] = user

    def get(self, user_id: str) -> User | None:
        return self._rows.get(user_id)


class InMemoryUserRepository(BASES):
    def count(self) -> int:
        return len(self._rows)
"""


def _reasons(tmp_path: Path, bases: str) -> list[str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/repo.py": REPO.replace("BASES", bases)})
    rows = [
        r
        for r in patterns_rows(tmp_path, "app")
        if r["symbol"] == "InMemoryUserRepository" and r["pattern"] == "repository"
    ]
    assert len(rows) == 1, rows
    return [str(e["reason"]) for e in rows[0]["evidence"]]


def test_the_first_base_s_methods_are_the_ones_inherited(tmp_path: Path) -> None:
    reasons = _reasons(tmp_path, "DictStorage, UserRepository")
    assert "`add` stores the object it receives in `self._rows`" in reasons


def test_a_port_written_first_hides_the_storage_base_s_methods(tmp_path: Path) -> None:
    reasons = _reasons(tmp_path, "UserRepository, DictStorage")
    assert not any("stores" in r for r in reasons), reasons
    assert reasons == ["implements the persistence port `UserRepository`"]
