"""An event-sourced base whose `trigger_event(event_class, **kw)` makes the event from the class
it is handed and keeps it in its pending list records domain events: an account deriving it in
a domain package is an aggregate root. The same base keeping the jobs it makes from a class it
is handed in a queue (`schedule(job_class)`) records no event, and what derives it is no root.
Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

BASE = """\
from typing import Any
from uuid import UUID, uuid4


class Aggregate:
    def __init__(self) -> None:
        self.id: UUID = uuid4()
        self.version = 0
        self._pending_events: list[object] = []

    def trigger_event(self, event_class: type, **kwargs: Any) -> None:
        new_event = event_class(originator_id=self.id, version=self.version + 1, **kwargs)
        self.version += 1
        self._pending_events.append(new_event)

    def collect_events(self) -> list[object]:
        events, self._pending_events = self._pending_events, []
        return events
"""

ACCOUNT = """\
from dataclasses import dataclass
from uuid import UUID

from bank.domain.base import Aggregate


@dataclass(frozen=True)
class Deposited:
    originator_id: UUID
    version: int
    amount: int


class Account(Aggregate):
    def __init__(self, owner: str) -> None:
        super().__init__()
        self.owner = owner
        self.balance = 0

    def deposit(self, amount: int) -> None:
        self.trigger_event(Deposited, amount=amount)
        self.balance += amount
"""


def _tree(tmp_path: Path, base: str, account: str) -> None:
    write_tree(
        tmp_path,
        {
            "bank/__init__.py": "",
            "bank/domain/__init__.py": "",
            "bank/domain/base.py": base,
            "bank/domain/account.py": account,
        },
    )


def test_an_account_triggering_events_through_its_base_is_a_root(tmp_path: Path) -> None:
    _tree(tmp_path, BASE, ACCOUNT)
    assert roles_of(patterns_rows(tmp_path, "bank"), "aggregate").get("Account") == "aggregate_root"


def test_a_base_queueing_the_jobs_it_makes_records_no_events(tmp_path: Path) -> None:
    queued = (
        BASE.replace("trigger_event", "schedule")
        .replace("event_class", "job_class")
        .replace("new_event", "job")
        .replace("_pending_events", "_queue")
        .replace("collect_events", "drain")
        .replace("events, self._queue", "jobs, self._queue")
        .replace("return events", "return jobs")
    )
    _tree(tmp_path, queued, ACCOUNT.replace("trigger_event", "schedule"))
    rows = patterns_rows(tmp_path, "bank")
    assert "Account" not in roles_of(rows, "aggregate")
    assert roles_of(rows, "entity").get("Account") == "entity"
