"""A domain event that serialises itself into a local payload (`payload["at"] =
self.at.isoformat()`) records nothing: it is no aggregate root, though what it stores is a call
and the class is an event. An order that makes an event and keeps it in a list of its own
after a check still records it and is the root. A handler of events, outside domain code,
that keeps the events it is handed and the follow-ups it makes (`self._follow_ups.append(
Shipped(...))`) is no root either: keeping events is not an entity recording them. Through
`agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

EVENTS = """\
from dataclasses import asdict, dataclass, field
from datetime import datetime
from uuid import UUID, uuid4


@dataclass(frozen=True)
class DomainEvent:
    event_id: UUID = field(default_factory=uuid4)
    at: datetime = field(default_factory=datetime.now)

    def serialize(self) -> dict[str, str]:
        payload = asdict(self)
        payload["event_id"] = str(self.event_id)
        payload["at"] = self.at.isoformat()
        return payload


@dataclass(frozen=True)
class OrderShipped(DomainEvent):
    order_id: str = ""


@dataclass(frozen=True)
class OrderCancelled(DomainEvent):
    order_id: str = ""
"""

ORDER = """\
from shop.domain.events import DomainEvent, OrderCancelled, OrderShipped


class Order:
    def __init__(self, id: str) -> None:
        self.id = id
        self.shipped = False
        self.events: list[DomainEvent] = []

    def ship(self) -> None:
        if self.shipped:
            raise ValueError("already shipped")
        self.shipped = True
        self.events.append(OrderShipped(order_id=self.id))

    def cancel(self) -> None:
        if self.shipped:
            raise ValueError("already shipped")
        self.events.append(OrderCancelled(order_id=self.id))
"""

HANDLER = """\
from shop.domain.events import DomainEvent, OrderShipped


class ShippedHandler:
    def __init__(self) -> None:
        self.processed: list[OrderShipped] = []
        self._follow_ups: list[DomainEvent] = []

    def handle(self, event: OrderShipped) -> None:
        self.processed.append(event)
        if event.order_id:
            self._follow_ups.append(OrderShipped(order_id=event.order_id + "-copy"))
"""


def _tree(tmp_path: Path, extra: dict[str, str]) -> None:
    write_tree(
        tmp_path,
        {
            "shop/__init__.py": "",
            "shop/domain/__init__.py": "",
            "shop/domain/events.py": EVENTS,
            "shop/domain/order.py": ORDER,
            **extra,
        },
    )


def test_an_order_keeping_the_event_it_makes_is_the_root(tmp_path: Path) -> None:
    _tree(tmp_path, {})
    rows = patterns_rows(tmp_path, "shop")
    assert roles_of(rows, "domain_event").get("DomainEvent") == "event"
    assert roles_of(rows, "aggregate").get("Order") == "aggregate_root"


def test_an_event_serialising_itself_is_no_root(tmp_path: Path) -> None:
    _tree(tmp_path, {})
    assert "DomainEvent" not in roles_of(patterns_rows(tmp_path, "shop"), "aggregate")


def test_a_handler_keeping_events_outside_the_domain_is_no_root(tmp_path: Path) -> None:
    _tree(tmp_path, {"shop/handlers.py": HANDLER})
    assert "ShippedHandler" not in roles_of(patterns_rows(tmp_path, "shop"), "aggregate")
