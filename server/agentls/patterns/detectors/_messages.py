"""Messages and their handlers: what CQRS commands and queries, domain events and message
buses share.

A *message* is a class that only carries data (never an exception) and that the program
hands to something else to act on: a handler class whose entry method (`__call__`, `handle`,
…) takes it, a function that takes it beside a unit of work or repository, a dict mapping
message classes to handlers, a bus call (`bus.dispatch(CreateOrder(...))`), or an aggregate recording it
(`self.events.append(OutOfStock(...))`). Its *kind* (command, query or event) comes from
what the program does with it: events are recorded by aggregates or fan out to lists of
handlers; a handler that changes state makes a command, one that only returns data a query.
When the structure says "message" but not which kind, the names of the class, its bases and
its module break the tie (never the other way round), at a lower confidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from agentls.patterns.context import Ctx, Ev, per_workspace
from agentls.patterns.detectors._dispatch import asks_locator, calls_found_handler, dispatches, hands_found
from agentls.patterns.detectors._message_kinds import (
    forwards_message,
    handler_kind,
    is_message_like,
    name_kind,
    pick_kind,
    uses_infra,
)
from agentls.patterns.detectors._routed_messages import routed_by_type
from agentls.patterns.detectors._sent_messages import sent_messages
from agentls.patterns.detectors._shared import (
    entity_evidence,
    handler_maps,
    in_domain,
    is_repository,
    is_uow,
)
from agentls.patterns.detectors._typed_recorders import typed_recordings
from agentls.patterns.facts import ClassFacts, FunctionFacts
from agentls.patterns.workspace import ClassRef

ENTRY_METHODS = ("__call__", "handle", "execute", "handle_command", "handle_query", "handle_event", "notify", "on")
Roles = dict[str, dict[str, list[Ev]]]  # class key -> role (event|command|query) -> evidence


@dataclass
class Messages:
    roles: Roles = field(default_factory=dict)
    confident: dict[str, bool] = field(default_factory=dict)  # class key -> kind from structure
    # handler class key -> [(kind, message, entry method)]
    handler_classes: dict[str, list[tuple[str, ClassRef, FunctionFacts]]] = field(default_factory=dict)


def _entry(cls: ClassFacts) -> tuple[FunctionFacts | None, bool]:
    """The entry method of a handler class, and whether it is one by its name (`handle`,
    `execute`, ...) rather than by being the class's one public method (`invoke`, `run`)."""
    for name in ENTRY_METHODS:
        m = cls.methods.get(name)
        if m is not None and m.params:
            return m, True
    only = [m for n, m in cls.methods.items() if not n.startswith("_") and m.kind == "method"]
    if len(only) == 1 and only[0].params and only[0].params[0].annotation:
        return only[0], False
    return None, False


def _calls_next(m: FunctionFacts | None) -> bool:
    """The method calls its second parameter with its first or with nothing (`result =
    next_handler(query)`, `await next_handler()`): the rest of a pipeline it wraps, not a
    callback it hands something new (`publish(Shipped(...))`)."""
    if m is None or len(m.params) < 2:
        return False
    given, nxt = f"param:{m.params[0].name}", m.params[1].name
    return any(c.func == nxt and (not c.args or c.args == (given,)) for c in m.calls)


def _passes_on(ctx: Ctx, ref: ClassRef, entry: FunctionFacts) -> bool:
    """A pipeline behaviour around the handlers, none of them: its entry takes the next handler
    beside the message and calls it, or, abstract, declares it callable (`next_handler:
    Callable[[], Awaitable[T]]`) or has only implementations calling it."""
    if _calls_next(entry):
        return True
    if len(entry.params) < 2 or not (entry.abstract or entry.is_stub):
        return False
    if "Callable" in (entry.params[1].annotation or ""):
        return True
    impls = [d.cls.methods.get(entry.name) for d in ctx.concrete(ref)]
    return bool(impls) and all(_calls_next(m) for m in impls)


def _hierarchy_root(ctx: Ctx, ref: ClassRef) -> ClassRef:
    """The topmost workspace ancestor (the class itself when it has none)."""
    ancestors = ctx.ancestors(ref)
    return ancestors[-1] if ancestors else ref


def _field_types(ctx: Ctx) -> set[str]:
    """Classes typed as fields of domain classes that are not messages: values and members
    (`Todo.id: TodoId`), whatever else takes them as an argument."""
    out: set[str] = set()
    for ref in ctx.ws.all_classes():
        if not ref.cls.fields or not in_domain(ref) or is_message_like(ctx, ref):
            continue
        for ann in ref.cls.fields.values():
            out.update(r.key for r in ctx.annotation_refs(ann, ref.module) if r != ref)
    return out


@per_workspace
def messages(ctx: Ctx) -> Messages:
    out = Messages()
    roles = out.roles

    def add(ref: ClassRef, role: str, why: str, confident: bool = True) -> None:
        # A repository or unit of work handed to a function use case first
        # (`register(customers: CustomerRepository, ...)`) is its dependency, not its message,
        # even when it adds nothing to its port (`class CustomerRepository(Repository[C]): pass`).
        if not role or is_repository(ctx, ref) or is_uow(ctx, ref):
            return
        roles.setdefault(ref.key, {}).setdefault(role, []).append((ref.cls.selection.line, why))
        out.confident[ref.key] = out.confident.get(ref.key, False) or confident

    candidates: dict[str, tuple[ClassRef, str]] = {}  # message key -> (ref, why) of unknown kind

    # Dicts mapping message classes to handlers.
    for module, name, is_list, entries in handler_maps(ctx):
        for ref, handlers in entries:
            if not is_message_like(ctx, ref):
                continue
            where = f"`{name}` in {module.module}"
            if is_list:
                add(ref, "event", f"mapped to a list of handlers in {where}")
                continue
            found = ctx.ws.function(module, handlers[0])
            kind = handler_kind(ctx, found[1], found[0]) if found else "command"
            add(ref, kind or "command", f"mapped to a single handler in {where}")
    values = _field_types(ctx)
    # Aggregates recording events: `self.events.append(E(...))`, `self._record(E(...))`.
    event_recorders = {
        n
        for owner in ctx.ws.all_classes()
        for n, m in owner.cls.methods.items()
        for op in m.container_ops
        if op.op == "append"
        and op.container.startswith("self.")
        and op.arg.startswith("param:")
        and any(w in f"{n} {op.container}".lower() for w in ("event", "record", "raise", "emit"))
    }
    for owner in ctx.ws.all_classes():
        entity = entity_evidence(ctx, owner)
        if not entity and not in_domain(owner):
            continue  # (the test below, asked first where it is cheap: most classes end here)
        methods = ctx.all_methods(owner)
        recorders = {
            n
            for n, m in methods.items()
            if any(
                op.op == "append" and op.container.startswith("self.") and op.arg.startswith("param:")
                for op in m.container_ops
            )
        }
        listy = any(c.container == "list" for c in ctx.collabs(owner).values())
        # Any class may keep a list of objects it makes (a migration autodetector collecting
        # operations); recording events is what domain objects do.
        if not entity and not (listy or recorders):
            continue
        # Lists the owner works through itself (`for t in self.tickets: t.price`) hold its
        # parts; recorded events are only handed out.
        worked = {
            lp.iter
            for m in methods.values()
            for lp in m.loops
            if lp.target
            and (
                any(c.receiver == lp.target or f"name:{lp.target}" in c.args for c in m.calls)
                or any(r.startswith(f"{lp.target}.") for r in m.foreign_reads)
            )
        }
        for m in owner.cls.methods.values():
            args = [
                op.arg
                for op in m.container_ops
                if op.op == "append" and op.container.startswith("self.") and op.container not in worked
            ]
            args += [a for c in m.calls if c.receiver == "self" and c.method in recorders for a in c.args]
            # `event = cls(...); event.record(Created(...))` in a factory classmethod
            args += [a for c in m.calls if c.receiver and c.method in event_recorders for a in c.args]
            for arg in args:
                if not arg.startswith("call:"):
                    continue
                r = ctx.ws.resolve(owner.module, arg[5:])
                # A class the domain keeps as a typed field is a member it appends to its own
                # collection (`self.book_ids.append(AuthorBook(...))`), not an event.
                if r is None or r == owner or not is_message_like(ctx, r) or r.key in values:
                    continue
                add(r, "event", f"recorded by `{owner.cls.name}.{m.name}`")
    # A recorder typed with what it records (`record(self, event: DomainEvent)`, handed out by
    # a `pull_events()`): that class is the event, and so are its data-only subclasses.
    for r, owner, name in typed_recordings(ctx):
        add(r, "event", f"recorded by `{owner.cls.name}.{name}`, typed as what it records")
        for d in ctx.descendants(r):
            if is_message_like(ctx, d):
                add(d, "event", f"a `{r.cls.name}` recorded by `{owner.cls.name}.{name}`")
    # Handler classes: an entry method whose first argument is typed as a message.
    taken: dict[str, tuple[ClassRef, list[tuple[ClassRef, FunctionFacts, str, str, str]]]] = {}
    for h in ctx.ws.all_classes():
        entry, by_name = _entry(h.cls)
        if entry is None or any(
            dispatches(m) or calls_found_handler(m) or hands_found(m) or asks_locator(m) for m in h.cls.methods.values()
        ):
            continue  # (a bus looking handlers up by the message's type is none of them)
        if _passes_on(ctx, h, entry):
            continue  # (nor is a pipeline behaviour calling the next handler)
        if h.cls.is_interface and not ctx.concrete(h):
            continue  # an abstract handler nothing implements handles nothing yet
        if h.cls.is_interface and any(
            dispatches(m) or calls_found_handler(m) or hands_found(m) or asks_locator(m)
            for d in ctx.concrete(h)
            for m in d.cls.methods.values()
        ):
            continue  # the port of a bus (`EventDispatcherInterface.notify`) is no handler either
        targets = ctx.annotation_refs(entry.params[0].annotation, h.module)
        # a generic handler base names the message first, then what it answers
        # (`QueryHandler[GetUser, GetUser.Result]`): the result is no message
        targets += [r for a in h.cls.base_args[:1] if (r := ctx.ws.resolve(h.module, a)) is not None]
        for msg in targets:
            # a base counts through its subclasses, when one of them carries data only: a GoF
            # command hierarchy (each `execute()` doing the work) has none, its invoker no message
            if msg == h or msg.key in values or not any(is_message_like(ctx, m) for m in (msg, *ctx.descendants(msg))):
                continue
            # What a handler does (change state, answer) tells commands from queries, not
            # commands from events (event handlers change state too): a name that says which
            # comes first.
            behaviour = handler_kind(ctx, entry, h.module, h) if not h.cls.is_interface else ""
            named = name_kind(msg, ctx, modules=False)
            # A class's one public method is an entry only when the handler works on storage
            # or the message's name says what it is (a formatter's `format(record)` is not).
            # Events go to `handle`/`__call__`; a one-method class taking an event is more often
            # the bus or a validator it passes through. Test classes handle nothing.
            if not by_name and (
                named == "event" or h.cls.name.startswith("Test") or not (named or uses_infra(ctx, h, entry, h.module))
            ):
                continue
            taken.setdefault(msg.key, (msg, []))[1].append((h, entry, behaviour, named, pick_kind(msg, ctx, behaviour)))
    for message, takers in taken.values():
        concrete = {t[0].key for t in takers if not t[0].cls.is_interface}
        roots = {_hierarchy_root(ctx, t[0]).key for t in takers if not t[0].cls.is_interface}
        # A command or query has one handler; a type that several unrelated classes take as
        # their argument (`execute(todo_id: TodoId)`) is an argument, not a message.
        if len(concrete) >= 2 and len(roots) >= 2 and "event" not in {t[4] for t in takers}:
            continue
        for hc, he, beh, nm, kind in takers:
            out.handler_classes.setdefault(hc.key, []).append((kind, message, he))
            if kind and is_message_like(ctx, message):
                add(message, kind, f"handled by `{hc.cls.name}.{he.name}`", confident=nm == beh or not nm)
            else:
                candidates.setdefault(message.key, (message, f"handled by `{hc.cls.name}`"))
    # The abstract base declaring a handler's entry method (`EventHandler.handle(self, event:
    # T)`, its parameter a type variable or untyped) is the base of handlers: it handles what
    # they handle.
    for key, handled in list(out.handler_classes.items()):
        handler = ctx.ws.derived.by_key[key]
        first_kind, first_message, first_entry = handled[0]
        for base in ctx.ancestors(handler):
            declared = base.cls.methods.get(first_entry.name)
            if declared is not None and (declared.abstract or declared.is_stub) and base.key not in out.handler_classes:
                out.handler_classes[base.key] = [(first_kind, first_message, declared)]
    # Functions taking a message beside a unit of work or a repository.
    for ref in ctx.ws.all_classes():
        if ref.key in roles or not is_message_like(ctx, ref):
            continue
        for module, fn, param in ctx.ws.functions_taking(ref):
            if fn.kind != "function" or fn.name.startswith("test") or forwards_message(fn):
                continue  # (a web route handing the message on to its use case is no handler)
            others = fn.params[1:]
            if fn.params and fn.params[0].name == param and others and uses_infra(ctx, None, fn, module):
                behaviour = handler_kind(ctx, fn, module)
                kind = pick_kind(ref, ctx, behaviour)
                if kind:
                    add(ref, kind, f"handled by `{fn.qualname}` in {module.module}")
                else:
                    candidates.setdefault(ref.key, (ref, f"handled by `{fn.qualname}`"))
    # Bus calls: `bus.dispatch(CreateOrder(...))`, or a local made first and then sent.
    for r, why in sent_messages(ctx):
        if r.key not in roles:
            candidates.setdefault(r.key, (r, why))
    # Functions registered on a `functools.singledispatch` function (`@dispatch.register def
    # on_created(event: UserCreated)`): the generic function routes each by its type.
    for module in ctx.ws.modules():
        generic = {f"{f.name}.register" for f in module.functions.values() if single_dispatch(f)}
        for fn in module.functions.values() if generic else ():
            if fn.params and generic.intersection(fn.decorators):
                for r in ctx.annotation_refs(fn.params[0].annotation, module):
                    if is_message_like(ctx, r) and r.key not in roles:
                        candidates.setdefault(r.key, (r, f"routed by its type to `{fn.name}` in {module.module}"))
    # What a bus routes by the message's type (`self._handlers[type(event)]`) is a message.
    for r, where in routed_by_type(ctx):
        if is_message_like(ctx, r) and r.key not in roles:
            candidates.setdefault(r.key, (r, f"routed by its type in `{where}`"))
    # Siblings of known messages under a common base share its kind; so does the base.
    for _ in range(2):
        for base in ctx.ws.all_classes():
            below = ctx.descendants(base)
            # Without a known message below, none has a kind to share: most bases end here,
            # before each of their descendants is asked whether it is one.
            if not any(s.key in roles for s in below):
                continue
            subs = [s for s in below if is_message_like(ctx, s)]
            known = {k for s in subs for k in roles.get(s.key, {})}
            # A base of one message only counts when it carries nothing of its own (a marker).
            # ... and so does an interface whose members are all abstract (`EventInterface` with
            # abstract `occurred_on` and `payload` properties): it only declares the message's shape
            marker = (not base.cls.fields and not base.cls.instance_attrs() and len(base.cls.methods) <= 1) or (
                base.cls.is_interface
                and not base.cls.fields
                and all(m.abstract or m.is_stub for m in base.cls.methods.values())
            )
            if not subs or (len(subs) < 2 and not marker) or len(known) != 1:
                continue
            kind = next(iter(known))
            if base.cls.methods and not is_message_like(ctx, base) and len(base.cls.methods) > 3:
                continue
            for s in subs:
                if s.key not in roles:
                    add(s, kind, f"a `{base.cls.name}` like its siblings")
            if base.key not in roles:
                add(base, kind, f"the base of {len(subs)} {kind} classes")
    # A domain package's family of events nothing publishes yet (the publishing left for later):
    # a data-only base and two or more data-only subclasses, every one named as an event.
    for base in ctx.ws.all_classes():
        if base.key in roles or not in_domain(base) or not is_message_like(ctx, base):
            continue
        subs = [s for s in ctx.ws.subclasses(base) if is_message_like(ctx, s)]
        family = [base, *subs]
        if len(subs) >= 2 and all(name_kind(r, ctx) == "event" for r in family):
            for r in family:
                candidates.setdefault(r.key, (r, f"one of the data-only `{base.cls.name}` family of its domain"))
    # Messages whose kind the structure leaves open: the names decide, at lower confidence.
    for key, (ref, why) in candidates.items():
        if key in roles:
            continue
        kind = name_kind(ref, ctx)
        add(ref, kind, f"{why}; a {kind} by its name", confident=False)
        if kind:
            for base in ctx.ws.bases(ref):
                subs = [s for s in ctx.descendants(base) if is_message_like(ctx, s)]
                if len(subs) >= 2 and base.key not in roles and name_kind(base, ctx) == kind:
                    add(base, kind, f"the base of {kind} classes", confident=False)
                    for s in subs:
                        if s.key not in roles and name_kind(s, ctx) == kind:
                            add(s, kind, f"a `{base.cls.name}` like its siblings", confident=False)
    return out


def single_dispatch(fn: FunctionFacts) -> bool:
    """A `functools.singledispatch` generic function: it routes, it handles nothing itself."""
    return any(d.rpartition(".")[2] in ("singledispatch", "singledispatchmethod") for d in fn.decorators)


def message_roles(ctx: Ctx, ref: ClassRef) -> dict[str, list[Ev]]:
    return messages(ctx).roles.get(ref.key, {})


def message_index(ctx: Ctx) -> Roles:
    return messages(ctx).roles


def handler_roles(ctx: Ctx, ref: ClassRef) -> list[tuple[str, ClassRef, FunctionFacts]]:
    """(kind, message, entry) for each message this class handles; the kind follows the
    message's, so an event handler that changes state is still an event handler."""
    out = []
    for kind, m, entry in messages(ctx).handler_classes.get(ref.key, []):
        known = list(message_roles(ctx, m))
        if "event" in known:
            kind = "event"
        elif known:
            kind = known[0]
        if kind:
            out.append((kind, m, entry))
    return out


@per_workspace
def handlers_by_module(ctx: Ctx) -> dict[str, list[tuple[FunctionFacts, ClassRef, str, bool]]]:
    """module path -> [(handler function, message class, map name, map of lists)]."""
    out: dict[str, list[tuple[FunctionFacts, ClassRef, str, bool]]] = {}
    for module, name, is_list, entries in handler_maps(ctx):
        for ref, handlers in entries:
            for h in handlers if is_list else handlers[:1]:
                found = ctx.ws.function(module, h)
                if found:
                    out.setdefault(found[0].path, []).append((found[1], ref, name, is_list))
    return out
