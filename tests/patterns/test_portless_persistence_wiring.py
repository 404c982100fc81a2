"""Units of work and composition roots over repositories that have no port, through
`agentls patterns` run as a subprocess: a context manager holding a repository whose exit
aborts a MongoDB-style transaction (`abort_transaction`) is a unit of work, and a function
passing two new port-less repositories into a use case wires the graph. Beside each, the near
miss: a context manager whose exit only closes its client, and a function passing two new
plain helpers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.patterns.cli import patterns_rows, write_tree

APP = """\
from dataclasses import dataclass


@dataclass
class Member:
    id: str
    name: str

    def rename(self, name: str) -> None:
        self.name = name


class MemoryMembers:
    def __init__(self) -> None:
        self._rows: dict[str, Member] = {}

    def save(self, member: Member) -> None:
        self._rows[member.id] = member

    def search(self, member_id: str) -> Member | None:
        return self._rows.get(member_id)


class MemoryGuests:
    def __init__(self) -> None:
        self._rows: dict[str, Member] = {}

    def save(self, guest: Member) -> None:
        self._rows[guest.id] = guest

    def search(self, guest_id: str) -> Member | None:
        return self._rows.get(guest_id)


class Clock:
    def now(self) -> int:
        return 0


class Counter:
    def next(self) -> int:
        return 1


class Enrol:
    def __init__(self, members, guests) -> None:
        self._members = members
        self._guests = guests

    def __call__(self, guest_id: str) -> None:
        guest = self._guests.search(guest_id)
        self._members.save(guest)
"""

WORK = """\
from app.domain.members import MemoryMembers


class DocumentWork:
    def __init__(self, client, members: MemoryMembers) -> None:
        self._client = client
        self.members = members

    def __enter__(self) -> "DocumentWork":
        self._session = self._client.start_session()
        self._session.start_transaction()
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self._session.commit_transaction()
        else:
            self._session.abort_transaction()
"""

CLOSING = """\
from app.domain.members import MemoryMembers


class ClosingWork:
    def __init__(self, client, members: MemoryMembers) -> None:
        self._client = client
        self.members = members

    def __enter__(self) -> "ClosingWork":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self._client.close()
"""

WIRING = """\
from app.domain.members import Clock, Counter, Enrol, MemoryGuests, MemoryMembers


def build_enrol() -> Enrol:
    return Enrol(MemoryMembers(), MemoryGuests())


def build_helpers() -> Enrol:
    return Enrol(Clock(), Counter())
"""


def _rows(tmp_path: Path, files: dict[str, str]) -> dict[tuple[str, str], dict[str, Any]]:
    write_tree(tmp_path, {f"app/{name}": text for name, text in files.items()})
    rows = patterns_rows(tmp_path, "app", "--min-confidence", "0.5")
    return {(str(r["symbol"]), str(r["pattern"])): r for r in rows}


def test_a_transaction_over_portless_repositories_and_its_wiring(tmp_path: Path) -> None:
    rows = _rows(tmp_path, {"domain/members.py": APP, "persistence/work.py": WORK, "main.py": WIRING})
    assert rows[("DocumentWork", "unit_of_work")]["role"] == "unit_of_work"
    assert rows[("build_enrol", "dependency_injection")]["role"] == "composition_root"


def test_a_closing_context_manager_and_plain_helpers_are_none(tmp_path: Path) -> None:
    rows = _rows(tmp_path, {"domain/members.py": APP, "persistence/work.py": CLOSING, "main.py": WIRING})
    assert ("ClosingWork", "unit_of_work") not in rows
    assert ("build_helpers", "dependency_injection") not in rows
