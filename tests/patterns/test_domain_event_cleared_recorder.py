"""A seedwork aggregate base kept beside the domain (`core/ddd.py`) whose recorder is typed
with what it records and whose list another method copies out and empties in place
(`events = self.pending.copy(); self.pending.clear(); return events`) records domain events,
when the classes deriving it live in the domain package. The closest non-event: the same base
whose list is only handed out, never emptied, holds parts."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

CORE = """\
from typing import List


class DomainEvent:
    pass


class AggregateRoot:
    def __init__(self) -> None:
        self.pending: List[DomainEvent] = []

    def record(self, event: DomainEvent) -> None:
        self.pending.append(event)

    def pull_events(self) -> List[DomainEvent]:
        events = self.pending.copy()
        self.pending.clear()
        return events
"""

KEPT = CORE.replace(
    """        events = self.pending.copy()
        self.pending.clear()
        return events""",
    """        return self.pending.copy()""",
)

DOMAIN = """\
from core.ddd import AggregateRoot, DomainEvent


class TicketOpened(DomainEvent):
    def __init__(self, ticket_id: str, title: str) -> None:
        self.ticket_id = ticket_id
        self.title = title


class Ticket(AggregateRoot):
    def __init__(self, ticket_id: str, title: str) -> None:
        super().__init__()
        self.ticket_id = ticket_id
        self.title = title

    @staticmethod
    def open(ticket_id: str, title: str) -> "Ticket":
        ticket = Ticket(ticket_id, title)
        event = TicketOpened(ticket_id, title)
        ticket.record(event)
        return ticket
"""


def _events(tmp_path: Path, core: str) -> set[str]:
    write_tree(
        tmp_path,
        {"core/__init__.py": "", "core/ddd.py": core, "domain/__init__.py": "", "domain/ticket.py": DOMAIN},
    )
    return set(roles_of(patterns_rows(tmp_path, "."), "domain_event"))


def test_a_typed_recorder_whose_list_is_copied_out_and_cleared_records_events(tmp_path: Path) -> None:
    assert {"TicketOpened", "DomainEvent"} <= _events(tmp_path, CORE)


def test_the_same_list_only_handed_out_holds_parts(tmp_path: Path) -> None:
    assert not {"TicketOpened", "DomainEvent"} & _events(tmp_path, KEPT)
