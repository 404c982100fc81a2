"""A subclass of a concrete event bus that adds work and passes each message on to the bus's
own `publish` with `super()` keeps the bus's routing by message type: a bus too. The closest
subclass, which overrides `publish` to keep the messages in a list and never passes them on
(a recording test double), routes nothing. Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

EVENTS = """\
class DomainEvent:
    \"\"\"Base class of the domain events.\"\"\"


class ParcelShipped(DomainEvent):
    def __init__(self, ref: str) -> None:
        self.ref = ref


class ParcelLost(DomainEvent):
    def __init__(self, ref: str) -> None:
        self.ref = ref
"""

BUS = """\
from collections.abc import Callable

from post.events import DomainEvent


class Bus:
    def __init__(self) -> None:
        self._handlers: dict[type[DomainEvent], list[Callable[[DomainEvent], None]]] = {}

    def subscribe(self, kind: type[DomainEvent], handler: Callable[[DomainEvent], None]) -> None:
        self._handlers.setdefault(kind, []).append(handler)

    def publish(self, event: DomainEvent) -> None:
        for kind, handlers in self._handlers.items():
            if isinstance(event, kind):
                for handler in handlers:
                    handler(event)


shared_bus = Bus()
"""

USE = """\
from post.bus import shared_bus
from post.events import ParcelLost, ParcelShipped


def ship(ref: str) -> None:
    shared_bus.publish(ParcelShipped(ref))


def lose(ref: str) -> None:
    shared_bus.publish(ParcelLost(ref))


def on_shipped(event: ParcelShipped) -> None:
    print(event.ref)


def register() -> None:
    shared_bus.subscribe(ParcelShipped, on_shipped)
"""

SUBCLASS = """\
from post.bus import Bus
from post.events import DomainEvent


class {name}(Bus):
    def __init__(self) -> None:
        super().__init__()
        self.kept: list[DomainEvent] = []

    def publish(self, event: DomainEvent) -> None:
        self.kept.append(event)
{tail}
"""


def _buses(tmp_path: Path, name: str, tail: str) -> set[str]:
    write_tree(
        tmp_path,
        {
            "post/__init__.py": "",
            "post/events.py": EVENTS,
            "post/bus.py": BUS,
            "post/ship.py": USE,
            "post/more.py": SUBCLASS.format(name=name, tail=tail),
        },
    )
    return {r["symbol"] for r in patterns_rows(tmp_path, "post") if r["pattern"] == "message_bus"}


def test_a_subclass_passing_each_event_on_to_the_bus_is_a_bus(tmp_path: Path) -> None:
    found = _buses(tmp_path, "LoggingBus", "        super().publish(event)")
    assert {"Bus", "LoggingBus"} <= found


def test_a_subclass_keeping_the_events_instead_is_no_bus(tmp_path: Path) -> None:
    found = _buses(tmp_path, "RecordingBus", "")
    assert "Bus" in found
    assert "RecordingBus" not in found
