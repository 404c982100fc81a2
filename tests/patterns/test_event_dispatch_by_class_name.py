"""An event dispatcher keeping handler lists under each event class's *name*
(`self._handlers[type(event).__name__]`), behind an abstract port, with an abstract event base
(abstract properties only), an event reading as Java does (`def payload(self): return
self.__payload`) and an abstract handler base whose `handle(event: T)` names a type variable.
The dispatcher routes by message type: it and its port are the bus, neither is an event
handler; the event, its base, the concrete handler and the handler base play their roles.

Near misses, each the closest shape that is not: an "event" whose method computes something
(calls, formats) is no data-only message; a handler base whose `handle` does work of its own
is no abstract declaration of the handlers' entry; an event base with a concrete method of
its own is no bare declaration of one event's shape."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, role_map, write_tree

PORTS = """\
from abc import ABC, abstractmethod
from typing import Any, Generic, TypeVar


class Event(ABC):
    @property
    @abstractmethod
    def payload(self) -> Any: ...
{base_extra}

T = TypeVar("T", bound=Event)


class EventHandler(ABC, Generic[T]):
{handler_body}


class Dispatcher(ABC):
    @abstractmethod
    def notify(self, event: Event) -> None: ...

    @abstractmethod
    def register(self, name: str, handler: EventHandler) -> None: ...
"""

BASE_EXTRA = """
    def describe(self) -> str:
        return f"{type(self).__name__}: {self.payload}"
"""

ABSTRACT_HANDLE = """\
    @abstractmethod
    def handle(self, event: T) -> None: ..."""

CONCRETE_HANDLE = """\
    def handle(self, event: T) -> None:
        print("received", event)"""

DISPATCHER = """\
from typing import Dict, List

from shop.domain.events import Dispatcher, Event, EventHandler


class EventDispatcher(Dispatcher):
    def __init__(self) -> None:
        self._handlers: Dict[str, List[EventHandler]] = {}

    def notify(self, event: Event) -> None:
        name = type(event).__name__
        for handler in self._handlers.get(name, []):
            handler.handle(event)

    def register(self, name: str, handler: EventHandler) -> None:
        self._handlers.setdefault(name, []).append(handler)
"""

PRODUCT = """\
from typing import Any

from shop.domain.events import Event, EventHandler


class ProductPriced(Event):
    def __init__(self, payload: Any) -> None:
        self.__payload = payload

    def payload(self) -> Any:
        return {answer}


class MailWhenProductPriced(EventHandler):
    def handle(self, event: ProductPriced) -> None:
        print("mail", event.payload())
"""


def _roles(tmp_path: Path, base_extra: str = "", handle: str = ABSTRACT_HANDLE, answer: str = "self.__payload") -> dict:
    write_tree(
        tmp_path,
        {
            "shop/__init__.py": "",
            "shop/domain/__init__.py": "",
            "shop/domain/events.py": PORTS.format(base_extra=base_extra, handler_body=handle),
            "shop/domain/dispatcher.py": DISPATCHER,
            "shop/domain/product.py": PRODUCT.format(answer=answer),
        },
    )
    return role_map(patterns_rows(tmp_path, "shop"))


def test_a_dispatcher_keyed_by_class_name_is_a_bus_and_the_rest_play_their_roles(tmp_path: Path) -> None:
    roles = _roles(tmp_path)
    assert roles.get(("EventDispatcher", "message_bus")) == "message_bus"
    assert roles.get(("Dispatcher", "message_bus")) == "message_bus"
    assert ("EventDispatcher", "domain_event") not in roles
    assert ("Dispatcher", "domain_event") not in roles
    assert roles.get(("ProductPriced", "domain_event")) == "event"
    assert roles.get(("Event", "domain_event")) == "event"
    assert roles.get(("MailWhenProductPriced", "domain_event")) == "event_handler"
    assert roles.get(("EventHandler", "domain_event")) == "event_handler"


def test_an_event_computing_something_is_no_message(tmp_path: Path) -> None:
    roles = _roles(tmp_path, answer='"{}!".format(self.__payload)')
    assert ("ProductPriced", "domain_event") not in roles


def test_a_handler_base_doing_work_of_its_own_is_not_the_declared_entry(tmp_path: Path) -> None:
    roles = _roles(tmp_path, handle=CONCRETE_HANDLE)
    assert roles.get(("MailWhenProductPriced", "domain_event")) == "event_handler"
    assert ("EventHandler", "domain_event") not in roles


def test_an_event_base_with_a_method_of_its_own_is_not_one_events_shape(tmp_path: Path) -> None:
    roles = _roles(tmp_path, base_extra=BASE_EXTRA)
    assert roles.get(("ProductPriced", "domain_event")) == "event"
    assert ("Event", "domain_event") not in roles
