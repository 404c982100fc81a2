"""A saga that finds, by an event's type, the name of one of its own methods and calls it
(`handler = getattr(self, self._steps.get(type(event))); handler(event)`) handles the event
itself: no `message_bus`. A dispatcher finding, by the event's type, a handler registered in
its table and calling it routes the event: a `message_bus`. Through `agentls patterns` run as
a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

EVENTS = """\
from dataclasses import dataclass


class Event:
    pass


@dataclass(frozen=True)
class OrderPaid(Event):
    order_id: str


@dataclass(frozen=True)
class OrderShipped(Event):
    order_id: str
"""

SAGA = """\
from app.events import Event, OrderPaid, OrderShipped


class ShippingSaga:
    _steps = {OrderPaid: "on_paid", OrderShipped: "on_shipped"}

    def __init__(self) -> None:
        self.state = "new"

    def handle_event(self, event: Event) -> None:
        name = self._steps.get(type(event))
        if name is None:
            return
        handler = getattr(self, name)
        handler(event)

    def on_paid(self, event: OrderPaid) -> None:
        self.state = "paid"

    def on_shipped(self, event: OrderShipped) -> None:
        self.state = "shipped"
"""

DISPATCHER = """\
from collections.abc import Callable

from app.events import Event


class Dispatcher:
    def __init__(self) -> None:
        self._handlers: dict[type, Callable[[Event], None]] = {}

    def register(self, kind: type, handler: Callable[[Event], None]) -> None:
        self._handlers[kind] = handler

    def handle_event(self, event: Event) -> None:
        handler = self._handlers.get(type(event))
        if handler is None:
            return
        handler(event)
"""


def test_a_saga_calling_its_own_step_is_no_bus(tmp_path: Path) -> None:
    write_tree(tmp_path, {"app/__init__.py": "", "app/events.py": EVENTS, "app/saga.py": SAGA})
    assert "ShippingSaga" not in roles_of(patterns_rows(tmp_path, "app"), "message_bus")


def test_a_dispatcher_calling_the_registered_handler_is_a_bus(tmp_path: Path) -> None:
    write_tree(tmp_path, {"app/__init__.py": "", "app/events.py": EVENTS, "app/dispatcher.py": DISPATCHER})
    assert roles_of(patterns_rows(tmp_path, "app"), "message_bus").get("Dispatcher") == "message_bus"
