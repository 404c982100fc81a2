"""A bus binding the message's type to a local before looking its handlers up
(`kind = type(event)`, `kind = event.__class__`), and one keeping the handlers it found in a
local list before handing the message to each; beside the same code filing handlers under a
topic the publisher hands in. Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

EVENTS = """\
from dataclasses import dataclass, field
from uuid import uuid4


@dataclass
class Happened:
    event_id: str = field(default_factory=lambda: str(uuid4()))


@dataclass(kw_only=True)
class ParcelShipped(Happened):
    parcel_ref: str


@dataclass(kw_only=True)
class ParcelLost(Happened):
    parcel_ref: str
"""

PORT = """\
from abc import ABC, abstractmethod

from post.events import Happened


class Bus(ABC):
    @abstractmethod
    async def publish(self, event: Happened) -> None: ...
"""

BY_TYPE = """\
from post.events import Happened
from post.port import Bus


class LocalBus(Bus):
    def __init__(self) -> None:
        self._handlers: dict[type, list] = {}

    def subscribe(self, kind: type, handler) -> None:
        self._handlers.setdefault(kind, []).append(handler)

    async def publish(self, event: Happened) -> None:
        kind = type(event)
        if kind in self._handlers:
            for handler in self._handlers[kind]:
                await handler(event)
"""

BY_TOPIC = """\
from post.events import Happened
from post.port import Bus


class LocalBus(Bus):
    def __init__(self) -> None:
        self._handlers: dict[str, list] = {}

    def subscribe(self, topic: str, handler) -> None:
        self._handlers.setdefault(topic, []).append(handler)

    async def publish(self, event: Happened, topic: str = "parcels") -> None:
        kind = type(event)
        print(kind)
        for handler in self._handlers[topic]:
            await handler(event)
"""

# The events are recorded by an entity of the domain (known messages); the bus files handler
# lists with `extend` and keeps the list it found in a local.
RECORDED = """\
from dataclasses import dataclass, field

from post.events import Happened


@dataclass(eq=False)
class Parcel:
    ref: str
    _events: list[Happened] = field(default_factory=list)

    def record(self, event: Happened) -> None:
        self._events.append(event)

    def pull_events(self) -> list[Happened]:
        events = self._events
        self._events = []
        return events
"""

FOUND_LIST = """\
from collections import defaultdict

from post.events import Happened


class Dispatcher:
    def __init__(self) -> None:
        self.events_map = defaultdict(list)

    def register(self, kind: type, handlers: list) -> None:
        self.events_map[kind].extend(handlers)

    async def dispatch(self, event: Happened) -> list:
        kind = event.__class__
        handlers = self.events_map.get(kind)
        return [await h.handle(event) for h in handlers]
"""


def _rows(tmp_path: Path, files: dict[str, str]) -> set[tuple[str, str]]:
    write_tree(tmp_path, {"post/__init__.py": "", "post/events.py": EVENTS, "post/port.py": PORT, **files})
    return {(str(r["symbol"]), str(r["pattern"])) for r in patterns_rows(tmp_path, ".")}


def test_handlers_looked_up_by_a_local_bound_to_the_type_make_a_bus(tmp_path: Path) -> None:
    found = _rows(tmp_path, {"post/bus.py": BY_TYPE})
    assert {("LocalBus", "message_bus"), ("Bus", "message_bus")} <= found
    # what it routes by type is a message: the declared class and its subclasses
    assert {("Happened", "domain_event"), ("ParcelShipped", "domain_event"), ("ParcelLost", "domain_event")} <= found


def test_the_type_bound_but_the_handlers_filed_under_a_topic_is_no_bus(tmp_path: Path) -> None:
    found = _rows(tmp_path, {"post/bus.py": BY_TOPIC})
    assert ("LocalBus", "message_bus") not in found
    assert ("ParcelShipped", "domain_event") not in found


def test_handlers_kept_in_a_local_list_then_each_handed_the_message_make_a_bus(tmp_path: Path) -> None:
    found = _rows(
        tmp_path, {"post/domain/__init__.py": "", "post/domain/parcel.py": RECORDED, "post/bus.py": FOUND_LIST}
    )
    assert ("Dispatcher", "message_bus") in found


def test_a_local_list_handed_something_else_is_no_bus(tmp_path: Path) -> None:
    # the same table and lookup, but each handler found is called with no message
    code = FOUND_LIST.replace("await h.handle(event)", "await h.close()")
    found = _rows(tmp_path, {"post/domain/__init__.py": "", "post/domain/parcel.py": RECORDED, "post/bus.py": code})
    assert ("Dispatcher", "message_bus") not in found
