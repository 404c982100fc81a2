"""An event bus filing subscribers under the key each message carries (its type name) and
handing each published message to those filed under its key; beside the same routing by a
topic the publisher hands in. Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

MESSAGES = """\
from abc import ABC, abstractmethod


class {base}:
    kind = "base"

    def __init__(self, ref: str) -> None:
        self.ref = ref


class ParcelShipped({base}):
    kind = "parcel.shipped"


class Subscriber(ABC):
    @abstractmethod
    def kinds(self) -> list[str]: ...

    @abstractmethod
    async def on(self, message: {base}) -> None: ...


class EmailOnShipped(Subscriber):
    def kinds(self) -> list[str]:
        return [ParcelShipped.kind]

    async def on(self, message: {base}) -> None:
        print(message.ref)
"""

BUS = """\
from abc import ABC, abstractmethod

from post.messages import {base}, Subscriber


class Bus(ABC):
    @abstractmethod
    async def publish(self, messages: list[{base}]) -> None: ...


class LocalBus(Bus):
    def __init__(self) -> None:
        self._filed: dict[str, list[Subscriber]] = {{}}

    def subscribe(self, subscriber: Subscriber) -> None:
        for kind in subscriber.kinds():
            self._filed.setdefault(kind, [])
            self._filed[kind].append(subscriber)

    async def publish(self, messages: list[{base}]) -> None:
        for message in messages:
            kind = message.kind
            if kind not in self._filed:
                continue
            subscribers = self._filed[kind]
            for subscriber in subscribers:
                await subscriber.on(message)
"""


TOPIC_BUS = """\
from post.messages import {base}, Subscriber


class TopicHub:
    def __init__(self) -> None:
        self._filed: dict[str, list[Subscriber]] = {{}}

    def subscribe(self, topic: str, subscriber: Subscriber) -> None:
        self._filed.setdefault(topic, [])
        self._filed[topic].append(subscriber)

    async def publish(self, messages: list[{base}], topic: str) -> None:
        for message in messages:
            subscribers = self._filed[topic]
            for subscriber in subscribers:
                await subscriber.on(message)
"""


def _buses(tmp_path: Path, bus: str) -> set[str]:
    files = {
        "post/__init__.py": "",
        "post/messages.py": MESSAGES.format(base="DomainEvent"),
        "post/bus.py": bus.format(base="DomainEvent"),
    }
    write_tree(tmp_path, files)
    rows = patterns_rows(tmp_path, ".")
    return {str(r["symbol"]) for r in rows if r["pattern"] == "message_bus"}


def test_a_bus_routing_each_event_by_its_own_key_is_a_message_bus(tmp_path: Path) -> None:
    found = _buses(tmp_path, BUS)
    assert {"LocalBus", "Bus"} <= found


def test_the_same_routing_by_a_topic_handed_in_is_no_message_bus(tmp_path: Path) -> None:
    # The subscribers are filed under a topic the publisher names beside the messages, not
    # under a key the message carries: publish-subscribe, not routing by message type.
    assert "TopicHub" not in _buses(tmp_path, TOPIC_BUS)
