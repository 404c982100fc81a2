"""Repositories written with no abstract port, recognised on their own structure, and the use
cases holding them untyped, through `agentls patterns` run as a subprocess: an in-memory
repository over a class-level dict, a document repository storing through its storage base's
step, a write-only one keeping entities by their id, and a use case given one with no
annotation or entering an untyped unit of work. Beside each, the near miss: a class-level
registry of classes, an aggregate appending its lines, a class calling `save` on an object
that is no repository, and a function entering a context manager in which nothing of the
program holds a repository."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.patterns.cli import patterns_rows, write_tree

DOMAIN = """\
from dataclasses import dataclass, field


@dataclass
class Member:
    id: str
    name: str

    def rename(self, name: str) -> None:
        self.name = name


@dataclass
class Badge:
    id: str
    label: str
"""

STORES = """\
from app.domain.model import Badge, Member


class MemoryMembers:
    _rows: dict[str, Member] = {}

    def save(self, member: Member) -> None:
        self._rows[member.id] = member

    def search(self, member_id: str) -> Member | None:
        return self._rows.get(member_id)


class DocumentStore:
    def __init__(self, client) -> None:
        self._docs = client.get_collection("things")

    def upsert(self, key: str, thing: Member) -> None:
        self._docs.update_one({"_id": key}, {"$set": vars(thing)}, upsert=True)


class DocumentMembers(DocumentStore):
    def save(self, member: Member) -> None:
        self.upsert(member.id, member)

    def search(self, member_id: str) -> Member | None:
        return self._docs.find_one({"_id": member_id})


class MemoryBadges:
    _rows: dict[str, Badge] = {}

    def save(self, badge: Badge) -> None:
        self._rows[badge.id] = badge
"""

USE_CASE = """\
from app.persistence.stores import MemoryMembers


class MemberWork:
    def __init__(self, members: MemoryMembers) -> None:
        self.members = members

    def __enter__(self) -> "MemberWork":
        return self

    def __exit__(self, *exc: object) -> None:
        pass


def rename_in(work, member_id: str, name: str) -> None:
    with work as tx:
        member = tx.members.search(member_id)
        member.rename(name)
        tx.members.save(member)


class RenameMember:
    def __init__(self, members) -> None:
        self._members = members

    def __call__(self, member_id: str, name: str) -> None:
        member = self._members.search(member_id)
        member.rename(name)
        self._members.save(member)
"""

NEAR_MISSES = """\
from app.domain.model import Member


class Plugins:
    _known: dict = {}

    def register(self, plugin) -> None:
        self._known[plugin.__name__] = plugin

    def get(self, name: str):
        return self._known[name]


class Roster:
    def __init__(self, id: str) -> None:
        self.id = id
        self._members: list[Member] = []

    def add(self, member: Member) -> None:
        self._members.append(member)


class Report:
    def save(self, member) -> None:
        print(member)

    def search(self, member_id: str) -> str:
        return member_id


def tally(book, key: str) -> None:
    with book as b:
        b.pages.save(key)


class Publisher:
    def __init__(self, target) -> None:
        self._target = target

    def run(self, member_id: str) -> None:
        self._target.save(self._target.search(member_id))
"""


def _rows(tmp_path: Path, files: dict[str, str]) -> dict[tuple[str, str], dict[str, Any]]:
    write_tree(tmp_path, {f"app/{name}": text for name, text in files.items()})
    rows = patterns_rows(tmp_path, "app", "--min-confidence", "0.5")
    return {(str(r["symbol"]), str(r["pattern"])): r for r in rows}


def test_repositories_without_a_port_and_the_use_case_holding_one(tmp_path: Path) -> None:
    rows = _rows(
        tmp_path,
        {"domain/model.py": DOMAIN, "persistence/stores.py": STORES, "application/rename.py": USE_CASE},
    )
    for name in ("MemoryMembers", "DocumentMembers", "MemoryBadges"):
        assert rows[(name, "repository")]["role"] == "repository", name
    assert rows[("RenameMember", "service_layer")]["role"] == "service"
    # entering an untyped unit of work: the program's context manager holding `members`
    assert rows[("rename_in", "service_layer")]["role"] == "service"


def test_registries_aggregates_and_lookalikes_are_none(tmp_path: Path) -> None:
    rows = _rows(
        tmp_path,
        {"domain/model.py": DOMAIN, "persistence/stores.py": STORES, "misc/near.py": NEAR_MISSES},
    )
    for name in ("Plugins", "Roster", "Report"):
        assert (name, "repository") not in rows, name
    # `save` and `search` are answered by a repository *and* by `Report`: no telling what it holds
    assert ("Publisher", "service_layer") not in rows
    # nothing of the program holds a repository as `pages`
    assert ("tally", "service_layer") not in rows
