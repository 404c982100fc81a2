"""A publisher handing each event to the subscribers whose declared event type it is an
instance of (`if isinstance(event, s.subscribed_to_event_type()): s.handle_event(event)`)
routes by message type: a message bus. The near miss: the same publisher handing every event
to every subscriber (an observer's notify loop, no routing by type)."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

CODE = """\
from abc import ABC, abstractmethod
from typing import Set


class Subscriber(ABC):
    @abstractmethod
    def handle_event(self, event: object) -> None: ...

    @abstractmethod
    def subscribed_to_event_type(self) -> type: ...


class Publisher:
    def __init__(self) -> None:
        self.subscribers: Set[Subscriber] = set()

    def subscribe(self, subscriber: Subscriber) -> None:
        self.subscribers.add(subscriber)

    def publish(self, event: object) -> None:
        for subscriber in self.subscribers:
            {guard}subscriber.handle_event(event)
"""

GUARD = "if isinstance(event, subscriber.subscribed_to_event_type()):\n                "


def _buses(tmp_path: Path, guard: str) -> set[str]:
    write_tree(tmp_path, {"shop/__init__.py": "", "shop/events.py": CODE.replace("{guard}", guard)})
    return {str(r["symbol"]) for r in patterns_rows(tmp_path, "shop") if r["pattern"] == "message_bus"}


def test_handing_each_event_to_the_subscribers_of_its_type(tmp_path: Path) -> None:
    assert _buses(tmp_path, GUARD) == {"Publisher"}


def test_handing_every_event_to_every_subscriber(tmp_path: Path) -> None:
    assert _buses(tmp_path, "") == set()
