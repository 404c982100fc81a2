from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx, Ev, per_workspace
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.detectors._messages import message_roles
from agentls.patterns.detectors._shared import (
    behaviour_methods,
    domain_package,
    entity_evidence,
    in_domain,
    is_repository,
    is_uow,
    mutators,
    repository_port_evidence,
    value_object_evidence,
)
from agentls.patterns.facts import FunctionFacts
from agentls.patterns.model import Detection
from agentls.patterns.workspace import ClassRef


def _domain(ctx: Ctx, ref: ClassRef) -> bool:
    """An entity, or a value object with behaviour; a bare frozen record is not a domain type."""
    if message_roles(ctx, ref):
        return False
    if entity_evidence(ctx, ref):
        return True
    return bool(value_object_evidence(ctx, ref)) and any(m.kind == "method" for m in behaviour_methods(ref.cls))


_WRAPS = frozenset({"sorted", "list", "set", "tuple", "frozenset", "dict", "deque", "OrderedDict"})


@per_workspace
def _held(ctx: Ctx, ref: ClassRef) -> dict[str, list[ClassRef]]:
    """The classes each attribute holds: its collaborator types, and the element type of a
    typed parameter it keeps in a new collection (`self.tables = sorted(tables, key=...)`
    with `tables: List[Table]`)."""
    out = {a: list(c.types) for a, c in ctx.collabs(ref).items()}
    for m in ref.cls.methods.values():
        for attr, values in m.self_writes.items():
            for v in values:
                wrap = v[5:] if v.startswith("call:") else ""
                if wrap.rpartition(".")[2] not in _WRAPS:
                    continue
                for c in m.calls:
                    if c.func != wrap:
                        continue
                    for a in c.args:
                        p = m.param(a[6:]) if a.startswith("param:") else None
                        for t in ctx.annotation_refs(p.annotation if p else None, ref.module):
                            if t not in out.setdefault(attr, []):
                                out[attr].append(t)
    return out


def _identifier(attr: str) -> bool:
    """An attribute naming another aggregate's identity (`event_id`, `owner_uuid`)."""
    return attr.strip("_").lower().endswith(("_id", "_uuid"))


def _changes(ctx: Ctx, m: FunctionFacts, members: list[ClassRef]) -> bool:
    """The method changes the cluster: its own state, one of its collections, a member's
    attribute, or a member through a method of the member's that changes it (directly or by a
    step of its own). A loop that only reads its members (yielding their results, or building
    a new copy of the root from theirs) guards nothing."""
    if m.self_writes or m.attr_stores or any(op.container.startswith("self.") for op in m.container_ops):
        return True
    changing: set[str] = set()
    for t in members:
        methods = ctx.all_methods(t)
        found = {
            n
            for n, f in methods.items()
            if f.self_writes or any(op.container.startswith("self.") for op in f.container_ops)
        }
        # a method changing the member through a step it calls (`confirm()` -> `self._set(...)`)
        grew = True
        while grew:
            more = {n for n, f in methods.items() if n not in found and f.self_calls & found}
            grew = bool(more)
            found |= more
        changing |= {n for n in found if n != "__init__"}
    return any(c.method in changing for c in m.calls)


@per_workspace
def _stored(ctx: Ctx) -> dict[str, ClassRef]:
    """Domain classes a repository stores or hands back whole (its generic argument, or what
    its methods take and return): repositories exist per aggregate. Keyed by class, the value
    is the (first) repository."""
    return {key: repos[0] for key, repos in _stored_by(ctx).items()}


@per_workspace
def _stored_by(ctx: Ctx) -> dict[str, list[ClassRef]]:
    """Every repository storing or handing back each domain class, keyed by class."""
    out: dict[str, list[ClassRef]] = {}
    for repo in ctx.ws.all_classes():
        # (an implementation of a repository port is one too, though its own methods alone
        # would not say so: `OrderRepository(OrderRepositoryInterface)` over a generic port)
        if not (repository_port_evidence(ctx, repo) or is_repository(ctx, repo)):
            continue
        anns = [a for m in repo.cls.methods.values() for a in (m.returns_annotation, *(p.annotation for p in m.params))]
        found = [r for a in repo.cls.base_args if (r := ctx.resolve(a, repo.module)) is not None]
        found += [r for a in anns for r in ctx.annotation_refs(a, repo.module)]
        # untyped: the class it queries (`session.query(model.Product)`) or rebuilds (`Product(...)`)
        for m in repo.cls.methods.values():
            for c in m.calls:
                names = [a.partition(":")[2] for a in c.args if a.startswith(("name:", "attr:"))]
                for name in [*names, c.func] if c.func[:1].isupper() or "." in c.func else names:
                    r = ctx.resolve(name, repo.module) if name[:1].isalpha() else None
                    if r is not None:
                        found.append(r)
        for r in found:
            if r != repo and in_domain(r) and not message_roles(ctx, r) and repo not in out.get(r.key, []):
                out.setdefault(r.key, []).append(repo)
    return out


def _domain_code(ctx: Ctx, ref: ClassRef, members: list[ClassRef]) -> bool:
    """The root or a member lives in a domain package or is stored by a repository: a library's
    worker keeping its queues, or a service container its services, guards no domain cluster."""
    return any(in_domain(r) or r.key in _stored(ctx) for r in (ref, *members))


@register
class Aggregate(Detector):
    """A cluster of domain objects treated as one unit for changes: outside code holds only
    the root, and every change goes through the root's methods, which enforce the cluster's
    invariants (and often record domain events). Consistency rules get one home and one
    transaction boundary; aggregates that are too large become contention points.

    ## Roles
    - `aggregate_root`: the entry point that guards the cluster.
    - `member`: an entity or value object inside it.

    ## How it is detected
    A class that keeps a collection of entities or value objects with behaviour (typed as
    such, or filled with ones it receives or creates; a bare frozen record does not count) and
    has a public method that checks a condition (raises, or branches) before changing the
    collection or its members (its own state, or a member through a method of the member's
    that changes it: a loop only reading the members, yielding their answers or building a
    copy from theirs, changes nothing); or that records domain events in a list of its own (an
    event serialising itself into a local payload records nothing). A class that is
    itself kept in another aggregate's collection is a member, and so is every entity or value
    object of a domain package that a root keeps in a typed attribute or field. A collection
    built from a typed parameter holds that type (`self.tables = sorted(tables, ...)` with
    `tables: List[Table]`), and so does a loop over it sorted or copied (`next(c for c in
    sorted(self.crates) if c.fits(box))`); an attribute naming another aggregate's identity (`event_id:
    EventId`) is a reference, not a member.

    An entity that records domain events through a method it defines or inherits
    (`self.record(EventCreated(...))`, `self._events.append(event)`, `self._pending.append(
    event_class(**kw))` with the event class handed in) is a root too, and so is
    the base class providing that method to subclasses of the domain model (not a mixin giving
    command handlers an event list); the method's list may have any
    name when what it appends is typed as a domain event (`note(self, fact: Fact)`); a class
    neither (a handler keeping the events it is handed) records none. Of two
    entities recording events through a shared base, the one kept in a typed collection of the
    other (`messages: set[Message]` in `Chat`) is its member, not a root. Repositories and
    units of work are never roots, and a repository keeping a root does not make it anyone's
    member. The domain classes a root makes in a public method and keeps in a collection of
    its own (`seedling = Seedling(...); self._seedlings[seedling.tray] = seedling`) are its
    members.

    Repositories exist per aggregate: an entity a repository (or an implementation of a
    repository port, `OrderRepository(OrderRepositoryPort)`) stores or hands back whole (its
    generic argument, what its methods take and return, or, untyped, the class it queries or
    rebuilds: `session.query(model.Grove)`, `Grove(**row)`) is a root when a public method of
    it refuses a change that breaks a rule (raises, itself or through a private check it calls,
    `self._ensure_open()`) or adds a domain part it creates to a collection of its own, or
    when it keeps entities of its own bounded context that no other repository stores (an
    `Order` keeping its `OrderItem`s): they live, and are stored, inside it.
    Members kept in typed fields come from the root's own bounded context (the package up to
    its `domain` part): a shared-kernel `Money` is nobody's member.

    A root recording no events must be domain code: it or a member in a domain package, or
    stored by a repository (a library's worker guarding its queues is no aggregate).
    """

    id = "aggregate"
    category = "architecture"
    roles: ClassVar[dict[str, str]] = {
        "aggregate_root": "guards the cluster's invariants",
        "member": "inside the aggregate",
    }

    @per_workspace
    def _root(self, ctx: Ctx, ref: ClassRef) -> tuple[list[Ev], list[ClassRef]]:
        ev: list[Ev] = []
        members: list[ClassRef] = []
        # Evidence comes only from public methods changing a collection or working through
        # one: without any, nothing below is worth asking (most classes end here).
        if not any(m.container_ops or m.loops for n, m in ref.cls.methods.items() if not n.startswith("_")):
            return ev, members
        held = {a: [t for t in types if t != ref and _domain(ctx, t)] for a, types in _held(ctx, ref).items()}
        for m in ref.cls.methods.values():
            if m.name.startswith("_"):
                continue
            for op in m.container_ops:
                attr = op.container.removeprefix("self.").split(".")[0]
                # an event it makes and keeps in its own list; a call naming no class of the
                # workspace (`str(...)` stored in a local payload) records nothing
                made = ctx.resolve(op.arg[5:], ref.module) if op.arg.startswith("call:") else None
                if made is not None and op.container.startswith("self.") and "event" in message_roles(ctx, made):
                    ev.append((m.selection.line, f"`{m.name}` records the domain event `{op.arg[5:]}`"))
                    continue
                p = m.param(op.arg[6:]) if op.arg.startswith("param:") else None
                kinds = ctx.annotation_refs(p.annotation, ref.module) if p else []
                domain = [t for t in kinds if _domain(ctx, t)] or held.get(attr, [])
                if domain and (m.raises or m.complexity > 1) and op.container.startswith("self."):
                    ev.append((m.selection.line, f"`{m.name}` checks its invariants before changing `self.{attr}`"))
                    members += domain
            for loop in m.loops:
                attr = loop.iter.removeprefix("self.")
                if attr.endswith("()") and attr[:-2] in _WRAPS:
                    # `next(b for b in sorted(self.batches) if ...)`: the members, sorted
                    wrapped = [a for c in m.calls if c.func == attr[:-2] for a in c.args if a.startswith("attr:self.")]
                    attr = wrapped[0][10:] if wrapped else attr
                if (
                    held.get(attr)
                    and (m.raises or m.complexity > 2)
                    and any(c.receiver == loop.target for c in m.calls)
                    and _changes(ctx, m, held[attr])
                ):
                    ev.append((m.selection.line, f"`{m.name}` works through the members in `self.{attr}`"))
                    members += held[attr]
        return ev[:3], list({r.key: r for r in members}.values())

    def _guard(self, ctx: Ctx, ref: ClassRef) -> Ev | None:
        """A public method that refuses a change breaking a rule, or that adds a domain part
        it creates to a collection of its own (`self.book_ids.append(AuthorBook(...))`)."""
        checks = {n for n, m in ctx.all_methods(ref).items() if m.raises and not m.is_public}
        for m in mutators(ref.cls):
            if not m.is_public:
                continue
            # the rule may be checked by a private step it calls (`self._ensure_open()`)
            if m.raises or m.self_calls & checks:
                return (m.selection.line, f"`{m.name}` refuses a change that breaks its rules")
            for op in m.container_ops:
                part = ctx.resolve(op.arg[5:], ref.module) if op.arg.startswith("call:") else None
                if op.container.startswith("self.") and part is not None and in_domain(part):
                    return (m.selection.line, f"`{m.name}` adds a `{part.cls.name}` to the parts it owns")
        return None

    def _takes_event(self, ctx: Ctx, ref: ClassRef, m: FunctionFacts, name: str) -> bool:
        """The parameter is typed as a domain event class (`note(self, fact: Fact)`)."""
        p = m.param(name)
        kinds = ctx.annotation_refs(p.annotation, ref.module) if p is not None else []
        return any("event" in message_roles(ctx, k) for k in kinds)

    def _records_events(self, ctx: Ctx, ref: ClassRef) -> list[Ev]:
        """An entity (or the base of entities) that records domain events through a method it
        defines or inherits (`self.record(Created(...))`, `self._events.append(e)`), or makes
        from the event class it is handed (`e = event_class(**kw); self._pending.append(e)`)."""
        for r in [ref, *ctx.ancestors(ref)]:
            for m in r.cls.methods.values():
                for op in m.container_ops:
                    named = any(w in f"{m.name} {op.container}".lower() for w in ("event", "record"))
                    if (
                        op.op == "append"
                        and op.container.startswith("self.")
                        and (
                            (op.arg.startswith("param:") and (named or self._takes_event(ctx, r, m, op.arg[6:])))
                            or (named and m.call_locals.get(op.arg[5:]) in m.param_names)
                        )
                    ):
                        whose = "" if r == ref else f" (from `{r.cls.name}`)"
                        return [(m.selection.line, f"records domain events with `{m.name}`{whose}")]
        return []

    def _made(self, ctx: Ctx, ref: ClassRef) -> list[ClassRef]:
        """Domain classes the root makes in a public method and keeps in a collection of its
        own (`task = Task(...); self._tasks[task.number] = task`): it owns them."""
        held = {t.key for types in _held(ctx, ref).values() for t in types}
        out = []
        for m in ref.cls.methods.values():
            if not m.is_public or not any(op.container.startswith("self.") for op in m.container_ops):
                continue
            for c in m.calls:
                part = ctx.resolve(c.func, ref.module) if c.func[:1].isupper() else None
                if part is not None and part != ref and part.key in held and in_domain(part):
                    out.append(part)
        return out

    def _owned_entities(self, ctx: Ctx, ref: ClassRef, repo: ClassRef) -> list[ClassRef]:
        """Entities of the class's own bounded context it keeps in its attributes (not by
        identifier) that no repository but its own (`repo`, rebuilding them with it) stores or
        hands back."""
        context = domain_package(ref)
        by = _stored_by(ctx)
        return [
            t
            for attr, types in _held(ctx, ref).items()
            if not _identifier(attr)
            for t in types
            if t != ref
            and all(r == repo for r in by.get(t.key, []))
            and in_domain(t)
            and t.module.module.startswith(context)
            and entity_evidence(ctx, t)
            and not message_roles(ctx, t)
        ]

    @per_workspace
    def _roots(self, ctx: Ctx) -> dict[str, tuple[list[Ev], list[ClassRef]]]:
        """Every aggregate root of the workspace with its evidence and members, once."""
        out: dict[str, tuple[list[Ev], list[ClassRef]]] = {}
        stored = _stored(ctx)
        for ref in ctx.ws.all_classes():
            if is_repository(ctx, ref) or is_uow(ctx, ref):
                continue
            ev, members = self._root(ctx, ref)
            recorded = self._records_events(ctx, ref)
            # the base providing the recording method, when what derives it is domain model (not
            # a mixin giving command handlers an event list, nor a handler keeping what it handles)
            if recorded and not (
                entity_evidence(ctx, ref) or any(in_domain(d) or entity_evidence(ctx, d) for d in ctx.descendants(ref))
            ):
                recorded = []
            if recorded:
                ev = [*ev, *recorded] if ev else recorded
            repo = stored.get(ref.key)
            guard = self._guard(ctx, ref) if repo is not None else None
            # Stored whole by its own repository, and guarding a rule as it changes (`complete()`
            # refuses a completed todo) or changing the parts it owns (`add_book`).
            if repo is not None and guard is not None and entity_evidence(ctx, ref):
                ev = [*ev, (ref.cls.selection.line, f"stored and loaded whole through `{repo.cls.name}`"), guard]
            elif repo is not None and not ev and entity_evidence(ctx, ref):
                # ... or keeping entities of its own bounded context that no repository stores on
                # their own (`Order` with its `OrderItem`s): they live and are stored inside it
                owned = self._owned_entities(ctx, ref, repo)
                if owned:
                    ev = [
                        (ref.cls.selection.line, f"stored and loaded whole through `{repo.cls.name}`"),
                        (ref.cls.selection.line, f"keeps `{owned[0].cls.name}` entities no repository stores alone"),
                    ]
            if not ev:
                continue
            if not recorded and not _domain_code(ctx, ref, members):
                continue
            # (a repository keeping what it stores is no aggregate of it)
            # (a holder is a root by its structure, or by recording events as an entity: two
            # entities sharing a recording base, the one keeping the other is its root)
            inside = [
                h
                for h, c in ctx.holders(ref)
                if c.types
                and h != ref
                and (self._root(ctx, h)[0] or (self._records_events(ctx, h) and entity_evidence(ctx, h)))
                and not (is_repository(ctx, h) or is_uow(ctx, h))
            ]
            if inside:
                continue  # kept by another aggregate: a member, not a root
            # What the root keeps of the domain (typed attributes and fields) is inside it too.
            # ... of its own bounded context: a shared-kernel `Money` is everybody's value.
            context = domain_package(ref)
            # ... but not a reference to another aggregate (`event_id: EventId`); its own identity
            # value (`id: TodoId`) it does keep.
            held = [
                t
                for attr, types in _held(ctx, ref).items()
                if not _identifier(attr)
                for t in types
                if t != ref
                and in_domain(t)
                and t.module.module.startswith(context)
                and (entity_evidence(ctx, t) or value_object_evidence(ctx, t))
                and not message_roles(ctx, t)
            ]
            out[ref.key] = (ev, list({m.key: m for m in [*members, *held, *self._made(ctx, ref)]}.values()))
        return out

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        roots = self._roots(ctx)
        member_of: dict[str, ClassRef] = {}
        for key, (_, members) in roots.items():
            root = ctx.ws.derived.by_key[key]
            for m in members:
                if m.key not in roots:
                    member_of.setdefault(m.key, root)
        for ref in ctx.classes():
            found = roots.get(ref.key)
            if found is not None:
                ev, members = found
                yield ctx.det(
                    ref, self.id, "aggregate_root", 0.9 if len(ev) > 1 else 0.8, ev, [(m, "member") for m in members]
                )
            elif ref.key in member_of:
                root = member_of[ref.key]
                yield ctx.det(
                    ref,
                    self.id,
                    "member",
                    0.75,
                    [(ref.cls.selection.line, f"kept inside the aggregate `{root.cls.name}` and changed through it")],
                    [(root, "aggregate_root")],
                )
