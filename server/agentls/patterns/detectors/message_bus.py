from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx, Ev, per_workspace
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.detectors._basics import memo_class
from agentls.patterns.detectors._dispatch import (
    asks_found_handler,
    asks_locator,
    calls_found_handler,
    dispatches,
    filters_by_type,
)
from agentls.patterns.detectors._messages import message_roles
from agentls.patterns.detectors._shared import handler_maps
from agentls.patterns.facts import FunctionFacts
from agentls.patterns.model import Detection
from agentls.patterns.workspace import ClassRef


@register
class MessageBus(Detector):
    """Routes commands and events to their handlers by message type, usually from an internal
    queue so that events raised while handling a message are processed in turn. Entrypoints
    only build messages and hand them to the bus; handlers stay small and composable. Control
    flow becomes indirect and error handling per message type needs a policy.

    ## Roles
    - `message_bus`: the class (or function) that dispatches messages to handlers.

    ## How it is detected
    A method or function that looks handlers up with the message's type as the key
    (`HANDLERS[type(message)]`, `self.handlers[message.__class__]`, or the class's name,
    `self.handlers[type(message).__name__]`) and calls what it finds
    (or each handler in the list it finds). Topic-string routing is publish-subscribe. A
    class with a method taking a message (its parameter typed as a command, query or event
    class) that calls the handler it finds in a table its own methods fill
    (`self.handlers[command.name()](command)`, or the handler object it finds asked to
    handle the message: `self.handlers[query.id()].handle(query)`) is a bus too, and so is
    the abstract port such a class implements. So is a class with a method taking a message that looks its
    handlers up by the message's type into a local and calls it with the message
    (`handler = self._routes.get(type(order)); return handler(order)`, or each one of the
    list it found), or asks a registry it holds for it (`run =
    self._registry.handler_for(type(query)); return run(query)`), or asks a locator (a DI
    container) for it under a key made from the message as a whole, its class or class name,
    and hands it the message (`handler = container.get(f"{class_fullname(command)}_handler");
    handler.handle(command)`; a key read from the message's fields loads an aggregate, and an
    event store found so and appended to keeps the event); the same lookup over a
    value that is no message (renderers keyed by a plain value's type) is not. An untyped
    message counts when the handler found by its type in a table of the class's own is asked
    to handle it through a handler's entry method (`handler = self._handlers.get(type(order));
    handler.handle(order)`, `.execute(command)`); a renderer found so and asked to `render`
    it is none. A module
    function doing the same, untyped, over a module dict mapping message classes to handlers
    (`handler = JOBS[type(job)]; handler(job, crew)`) is one too. So is a class with a
    method taking messages (one, or a list of them) that reads each message's own key
    (`event.event_name`), takes the handlers filed under a key in its own table and hands
    the message to each (`for s in self._subs[key]: s.on(event)`); the same filing under a
    topic the publisher hands in is publish-subscribe. The message's type
    may be bound to a local first (`kind = type(event)`, `kind = event.__class__`) when the
    table looked up with it is the object's own (`self._handlers[kind]`,
    `self._handlers.get(kind)`); a module table of library types keyed so picks a formatter.
    The handlers found may be kept in a local list before each is handed the message
    (`handlers = self.events_map.get(kind); for h in handlers: h.handle(event)`), and a table
    may be filled by extending its lists (`self.events_map[kind].extend(handlers)`). A port
    is a bus when one of its implementations finds handlers by the message's type. A subclass
    of a concrete bus is a bus when every method of the bus it overrides passes on to the bus's
    own with `super()` (`PersistentEventBus` logging each event before
    `super().publish(event)`): the routing is inherited. A method handing its parameter to
    each handler of a list it holds whose declared type the parameter is an instance of (`for s
    in self.subscribers: if isinstance(event, s.subscribed_to_event_type()):
    s.handle_event(event)`) routes by type too; handing every message to every handler is an
    observer's notify loop. A bus is none of the command, query or event handlers it routes
    to, even when its method taking a message is named like a handler's (`execute`). A class
    whose handler found by the message's type is one of its own methods (`handler =
    getattr(self, self._steps.get(type(event))); handler(event)`: a saga's step, an
    event-sourced aggregate's applier) handles the message itself and routes nothing.
    """

    id = "message_bus"
    category = "architecture"
    roles: ClassVar[dict[str, str]] = {"message_bus": "routes messages to handlers by type"}

    def _takes_messages(self, ctx: Ctx, ref: ClassRef, m: FunctionFacts) -> ClassRef | None:
        """The message class a method's first parameter is typed as, when it is one."""
        if not m.params:
            return None
        for r in ctx.annotation_refs(m.params[0].annotation, ref.module):
            if message_roles(ctx, r):
                return r
        return None

    @per_workspace
    def _routes(self, ctx: Ctx, ref: ClassRef) -> list[Ev]:
        """A class with a method taking a message (typed as a command, query or event class)
        that calls a handler found in its own table, or a port whose implementation does."""
        out: list[Ev] = []
        tables = {
            op.container.removeprefix("self.").rstrip("[]")
            for m in ctx.all_methods(ref).values()
            for op in m.container_ops
            if op.container.startswith("self.") and op.op in ("setitem", "append", "add", "extend")
        }
        for m in ref.cls.methods.values():
            msg = self._takes_messages(ctx, ref, m)
            if msg is None:
                continue
            given = f"param:{m.params[0].name}"
            looked_up = [
                c
                for c in m.calls
                if c.func.startswith("self.")
                and c.func[5:].split("[")[0].split(".")[0] in tables
                and (
                    c.func.endswith(("[]", ".get()"))
                    # the handler object found, asked to handle the message
                    # (`self.handlers[query.id()].handle(query)`)
                    or (c.receiver.endswith(("[]", ".get()")) and given in c.args)
                )
            ]
            looped = [
                lp
                for lp in m.loops
                if lp.iter.startswith("self.")
                and lp.iter[5:].split("[")[0].split(".")[0] in tables
                and any(c.func == lp.target or c.receiver == lp.target for c in m.calls)
            ]
            if looked_up or looped or self._hands_found(m, tables, given):
                out = [
                    (m.selection.line, f"`{m.name}` takes a `{msg.cls.name}` and calls the handler registered for it")
                ]
                break
        out = out or self._routes_by_key(ctx, ref, tables) or self._asks_found(ref, tables)
        if not out and (ref.cls.is_interface or ref.cls.is_protocol):
            impls = [
                d
                for d in ctx.concrete(ref)
                if self._routes(ctx, d)
                or self._finds_handlers(ctx, d)
                or any(dispatches(m) for m in d.cls.methods.values())
            ]
            if impls:
                out = [(ref.cls.selection.line, f"the port of the bus `{impls[0].cls.name}`")]
        return out

    @staticmethod
    def _hands_found(m: FunctionFacts, tables: set[str], given: str) -> bool:
        """Reads one of its tables (`self.events_map.get(kind)`, `self._subs[kind]`) and hands
        the message to each item of a local list (`for h in handlers: h.handle(event)`): the
        handlers it found, kept in a local first."""
        read = any(
            c.func.startswith("self.") and c.method == "get" and c.receiver[5:] in tables for c in m.calls
        ) or any(c.startswith("self.") and c[5:] in tables for c, _ in m.subscripts)
        return read and any(
            lp.iter
            and not lp.iter.startswith("self.")
            and any((c.func == lp.target or c.receiver == lp.target) and given in c.args for c in m.calls)
            for lp in m.loops
        )

    def _routes_by_key(self, ctx: Ctx, ref: ClassRef, tables: set[str]) -> list[Ev]:
        """A method taking messages (one, or a collection of them typed as a command, query or
        event class) that reads each message's key (`event.event_name`), takes the handlers
        filed under a key in its own table (`subscribers = self._subs[event_type]`) and hands
        the message to each (`for s in subscribers: s.on(event)`). A topic string handed in
        beside the message is publish-subscribe: here the key is the message's own."""
        for m in ref.cls.methods.values():
            if not m.params or not any(c.startswith("self.") and c[5:] in tables for c, _ in m.subscripts):
                continue
            msg = self._takes_messages(ctx, ref, m)
            if msg is None:
                continue
            p = m.params[0].name
            names = {p} | {lp.target for lp in m.loops if lp.iter == p}
            for lp in m.loops:
                if lp.iter.startswith("self.") or lp.iter in names:
                    continue
                handed = [
                    v
                    for v in names
                    if any(r.startswith(f"{v}.") for r in m.foreign_reads)
                    and any(c.receiver == lp.target and f"name:{v}" in c.args for c in m.calls)
                ]
                if handed:
                    why = f"`{m.name}` hands each `{msg.cls.name}` to the handlers filed under its key"
                    return [(m.selection.line, why)]
        return []

    @staticmethod
    def _asks_found(ref: ClassRef, tables: set[str]) -> list[Ev]:
        """A method handed an untyped message that looks its handler up by the message's type
        in a table of its own and asks it to handle the message (`handler =
        self._handlers.get(type(order)); handler.handle(order)`)."""
        for m in ref.cls.methods.values():
            given = asks_found_handler(m, tables)
            if given:
                why = f"`{m.name}` finds the handler for the type of `{given}` and asks it to handle it"
                return [(m.selection.line, why)]
        return []

    @staticmethod
    def _own_handler(m: FunctionFacts, given: str) -> bool:
        """The handler found is a method of the object itself (`handler = getattr(self,
        self._handlers.get(type(event))); handler(event)`): a saga, or an event-sourced
        aggregate applying the event to itself, handles what it routes."""
        called = {c.func for c in m.calls if f"param:{given}" in c.args}
        own = {local for local, callee in m.call_locals.items() if callee == "getattr"}
        return bool(called & own) and any(c.func == "getattr" and c.args[:1] == ("self",) for c in m.calls)

    def _finds_handlers(self, ctx: Ctx, ref: ClassRef) -> list[Ev]:
        """A method taking a message (typed as a command, query or event class) that looks
        its handlers up by the message's type and calls what it found through a local, or asks
        a locator for the handler under a key made from the message (`asks_locator`)."""
        for m in ref.cls.methods.values():
            name = calls_found_handler(m) or asks_locator(m)
            if name and self._own_handler(m, name):
                continue
            p = m.param(name) if name else None
            msg = (
                next((r for r in ctx.annotation_refs(p.annotation, ref.module) if message_roles(ctx, r)), None)
                if p
                else None
            )
            if msg is not None:
                return [
                    (
                        m.selection.line,
                        f"`{m.name}` finds the handlers of a `{msg.cls.name}` by its type and calls them",
                    )
                ]
        return []

    def _own_routing(self, ctx: Ctx, ref: ClassRef) -> list[Ev]:
        """Kept per class: asked of every ancestor of every class (``_inherited``). A class of
        the same key in another copy of its package asks again (its methods differ)."""
        return memo_class(ctx, "message_bus.own_routing", ref, lambda: self._routing(ctx, ref))

    def _routing(self, ctx: Ctx, ref: ClassRef) -> list[Ev]:
        routes = self._routes(ctx, ref) or self._finds_handlers(ctx, ref)
        if routes:
            return routes
        for m in ref.cls.methods.values():
            if dispatches(m):
                return [(m.selection.line, f"`{m.name}` finds handlers by the message's type and calls them")]
        return []

    def _inherited(self, ctx: Ctx, ref: ClassRef) -> list[Ev]:
        """A subclass of a concrete bus keeps its routing (`PersistentEventBus(EventBus)`
        logging each event, then `super().publish(event)`): every method of the bus it
        overrides passes on to the bus's own with `super()`."""
        for base in ctx.ancestors(ref):
            if base.cls.is_interface or base.cls.is_protocol or not self._own_routing(ctx, base):
                continue
            overridden = [m for n, m in ref.cls.methods.items() if n in base.cls.methods and not n.startswith("__")]
            if all(any(c.func == f"super().{m.name}" for c in m.calls) for m in overridden):
                return [(ref.cls.selection.line, f"a `{base.cls.name}` whose routing it inherits")]
        return []

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        for ref in ctx.classes():
            inherited = self._inherited(ctx, ref) if not ref.cls.is_interface else []
            if inherited and not self._own_routing(ctx, ref):
                yield ctx.det(ref, self.id, "message_bus", 0.75, inherited)
                continue
            routes = self._routes(ctx, ref) or self._finds_handlers(ctx, ref)
            if routes:
                yield ctx.det(ref, self.id, "message_bus", 0.8, routes)
                continue
            for m in ref.cls.methods.values():
                if dispatches(m):
                    yield ctx.det(
                        ref,
                        self.id,
                        "message_bus",
                        0.85,
                        [(m.selection.line, f"`{m.name}` finds handlers by the message's type and calls them")],
                    )
                    break
                if filters_by_type(m):
                    why = f"`{m.name}` hands each message to the handlers whose declared type it is an instance of"
                    yield ctx.det(ref, self.id, "message_bus", 0.8, [(m.selection.line, why)])
                    break
        # module dicts mapping message classes to handlers (`HANDLERS = {Allocate: allocate}`)
        tables = {name for module, name, _, _ in handler_maps(ctx) if module.path == ctx.index.path}
        for fn in ctx.index.functions.values():
            if dispatches(fn) or (calls_found_handler(fn) and any(c in tables for c, _ in fn.subscripts)):
                yield ctx.det(
                    fn,
                    self.id,
                    "message_bus",
                    0.8,
                    [(fn.selection.line, "finds handlers by the message's type and calls them")],
                )
