"""Two Observer subjects the data-collection and topic rules used to hide, each beside its
nearest non-subject. Keyed: a class keeping watchers per key that fires the notification on its
own change is a subject; a broker whose publishing only others call stays publish-subscribe.
Typed: a class typed against one concrete class, telling each kept object of the change it has
just recorded, is a subject over a concrete observer; a table drawing its typed rows at a width
collects data. Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, role_map, roles_of, write_tree

KEYED_SUBJECT = """\
from abc import ABC, abstractmethod
from collections import defaultdict


class Watcher(ABC):
    @abstractmethod
    def restocked(self, sku: str) -> None: ...


class Buyer(Watcher):
    def __init__(self) -> None:
        self.wanted: list[str] = []

    def restocked(self, sku: str) -> None:
        self.wanted.remove(sku)


class Warehouse:
    def __init__(self) -> None:
        self.stock: dict[str, int] = {}
        self._watchers: dict[str, list[Watcher]] = defaultdict(list)

    def watch(self, watcher: Watcher, sku: str) -> None:
        self._watchers[sku].append(watcher)

    def restock(self, sku: str, count: int) -> None:
        self.stock[sku] = self.stock.get(sku, 0) + count
        self._tell(sku)

    def _tell(self, sku: str) -> None:
        for watcher in self._watchers[sku]:
            watcher.restocked(sku)
"""

BROKER = """\
from collections import defaultdict


class Broker:
    def __init__(self) -> None:
        self._handlers = defaultdict(list)

    def subscribe(self, handler, topic: str) -> None:
        self._handlers[topic].append(handler)

    def publish(self, topic: str, message: str) -> None:
        for handler in self._handlers[topic]:
            handler.deliver(message)


class Printer:
    def deliver(self, message: str) -> None:
        print(message)


def wire(broker: Broker) -> None:
    broker.subscribe(Printer(), "news")
    broker.publish("news", "hello")
"""

TYPED_SUBJECT = """\
class Reader:
    def __init__(self, name: str) -> None:
        self.name = name
        self.seen: list[str] = []

    def read(self, story: str) -> None:
        self.seen.append(story)


class Newsroom:
    def __init__(self) -> None:
        self.stories: list[str] = []
        self.readers: list[Reader] = []

    def add_reader(self, reader: Reader) -> None:
        self.readers.append(reader)

    def publish(self, story: str) -> None:
        self.stories.append(story)
        for reader in self.readers:
            reader.read(story)
"""

TYPED_DATA = """\
class Row:
    def __init__(self, text: str) -> None:
        self.text = text

    def render(self, width: int) -> str:
        return self.text.ljust(width)


class Table:
    def __init__(self) -> None:
        self.rows: list[Row] = []
        self.width = 0

    def add_row(self, row: Row) -> None:
        self.rows.append(row)

    def draw(self, width: int) -> None:
        for row in self.rows:
            print(row.render(width))
"""


def test_keyed_watchers_fired_by_the_class_itself_are_a_subject(tmp_path: Path) -> None:
    write_tree(tmp_path, {"shop.py": KEYED_SUBJECT})
    roles = roles_of(patterns_rows(tmp_path), "observer")
    assert roles.get("Warehouse") == "subject"
    assert roles.get("Watcher") == "observer"
    assert roles.get("Buyer") == "concrete_observer"


def test_keyed_handlers_published_to_from_outside_are_a_broker(tmp_path: Path) -> None:
    write_tree(tmp_path, {"bus.py": BROKER})
    found = role_map(patterns_rows(tmp_path))
    assert found.get(("Broker", "publish_subscribe")) == "broker"
    assert ("Broker", "observer") not in found


def test_a_concrete_class_told_of_a_recorded_change_is_observed(tmp_path: Path) -> None:
    write_tree(tmp_path, {"news.py": TYPED_SUBJECT})
    roles = roles_of(patterns_rows(tmp_path), "observer")
    assert roles.get("Newsroom") == "subject"
    assert roles.get("Reader") == "concrete_observer"


def test_typed_rows_drawn_at_a_width_are_data(tmp_path: Path) -> None:
    write_tree(tmp_path, {"table.py": TYPED_DATA})
    assert roles_of(patterns_rows(tmp_path), "observer") == {}
