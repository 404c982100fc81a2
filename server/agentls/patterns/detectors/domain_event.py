from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.detectors._message_detections import (
    function_handler_detections,
    handler_detections,
    message_detections,
)
from agentls.patterns.detectors._messages import (
    handlers_by_module,
)
from agentls.patterns.model import Detection


@register
class DomainEvent(Detector):
    """Records something that happened in the domain that other parts care about
    (`OrderPlaced`, `OutOfStock`): aggregates append events as they change, and handlers react
    after the transaction, so side effects are decoupled from the change itself. Events make the
    flow explicit and extensible; eventual consistency and event ordering become concerns.

    ## Roles
    - `event`: an immutable message describing a past fact.
    - `event_handler`: a function listed as one of an event's handlers.

    ## How it is detected
    A data-only class (dataclass, NamedTuple or an `__init__` that just stores) that is
    instantiated and appended to a list of an entity or aggregate (`self.events.append(
    OutOfStock(...))`), or that is a key of a dict mapping message classes to *lists* of
    handlers; siblings of such classes under a common field-less base are events too. A
    data-only class sent to a bus or publisher (`bus.publish(OrderShipped(...))`, or made into
    a local first and handed to a call that only sends, `event = OrderShipped(...);
    self.publisher.publish_event(event)`) is a message whose kind its name gives (`...Event`,
    past tense), at lower confidence.

    Events are also recorded through a recorder method (`record`, `add_event`, … that appends
    its argument to a list of the object) called on the aggregate, including in a factory
    classmethod (`event = cls(...); event.record(EventCreated(...))`); handler classes whose
    entry method takes an event are `event_handler`s, and so is the abstract base declaring
    that entry method (`handle(self, event: T)` over a type variable, or untyped); the base
    class of events is an event too, and so is an interface whose members are all abstract
    (`occurred_on`, `payload`) above a single event. Getters spelled as in Java (`def
    payload(self): return self.__payload`) leave an event data-only. A domain class's recorder
    typed with what it records (`record(self, event: DomainEvent)`), whose list another method
    hands out and clears (`events = self.events; self.events = []; return events`, or a copy
    returned after `self.events.clear()`), makes that class an event, helpers and all (a
    seedwork base kept outside the domain package, `core/ddd.py`'s `AggregateRoot`, is a domain
    class when the classes deriving it are), and its subclasses adding only a literal answer
    (`event_name()`) or an alternative constructor; a typed list only returned holds parts.

    A class the domain keeps as a typed field (`book_ids: List[AuthorBook]`) is a member the
    aggregate appends to its own collection, not a recorded event. Handler tables may be keyed
    by a message class's name attribute (`{BookedTableEvent.name: handler}`), and a marker
    base of a single event is an event too, and so is a subclass adding nothing to its base
    (`class ListingWasCancelled(DomainEvent): ...`). No class whose ancestry reaches an
    exception (`...Error`, `...Exception`, `...Warning` or builtin bases, workspace ancestors
    included) is an event, however little it adds. Outside a
    domain package only an entity records events: any class may keep a list of objects it
    makes (a migration autodetector collecting operations), and a list its owner works
    through itself holds parts, not events; nor is a message appended to a list the function
    makes itself (not a parameter, not module-level) a sent one there: it collects results for
    the caller (a scheduler's job run returning its notifications).

    What a bus looks its handlers up for by type (`kind = type(event); for h in
    self._handlers[kind]: h(event)`, or by the class's name, `type(event).__name__`) is a
    message, whatever it is named: the class the bus's method declares it takes, and that
    class's data-only subclasses; whether they are events, commands or queries is then read as
    for any message (their handlers, then their names, at lower confidence). Neither the bus
    nor the port it implements (`Dispatcher.notify(event)`) is a handler of them. A function
    whose first parameter is typed as an event is its `event_handler` when it is registered:
    decorated, taking its collaborators beside the event, or handed to a call beside a message
    class (`bus.subscribe(TodoCreated, on_todo_created)`; handed beside a class that is no
    message, it is not). Functions registered on a `functools.singledispatch` function by the
    type of their first parameter (`@dispatch.register def on_created(event: UserCreated)`) are
    routed by type too: that data-only class is a message, its kind read from its names, and
    the function its handler; the generic function itself handles nothing.

    A domain package's family of events nothing publishes yet (the publishing left for later)
    is one too, at lower confidence: a data-only base and two or more data-only subclasses,
    every one named as an event (`DomainEvent`, `ExampleCreatedEvent`); outside a domain
    package such classes are only records.
    """

    id = "domain_event"
    category = "architecture"
    roles: ClassVar[dict[str, str]] = {"event": "a past fact", "event_handler": "reacts to an event"}

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        yield from message_detections(ctx, "event", self.id, "event")
        yield from handler_detections(ctx, "event", self.id, "event_handler")
        yield from function_handler_detections(ctx, "event", self.id, "event_handler")
        for fn, ref, name, is_list in handlers_by_module(ctx).get(ctx.index.path, []):
            if is_list:
                found = (ctx.index, fn)
                if found:
                    yield ctx.det(
                        found[1],
                        self.id,
                        "event_handler",
                        0.8,
                        [(found[1].selection.line, f"handles `{ref.cls.name}` (listed in `{name}`)")],
                        [(ref, "event")],
                    )
