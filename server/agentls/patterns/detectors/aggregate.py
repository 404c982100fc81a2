from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx, Ev, per_workspace
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.detectors._aggregate_clusters import (
    WRAPS,
    changes_cluster,
    domain_code,
    domain_part,
    held_classes,
    identifier_attr,
    stored_by,
    stored_whole,
)
from agentls.patterns.detectors._messages import message_roles
from agentls.patterns.detectors._shared import (
    domain_package,
    entity_evidence,
    in_domain,
    is_repository,
    is_uow,
    mutators,
    value_object_evidence,
)
from agentls.patterns.facts import FunctionFacts
from agentls.patterns.model import Detection
from agentls.patterns.workspace import ClassRef


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
        held = {
            a: [t for t in types if t != ref and domain_part(ctx, t)] for a, types in held_classes(ctx, ref).items()
        }
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
                domain = [t for t in kinds if domain_part(ctx, t)] or held.get(attr, [])
                if domain and (m.raises or m.complexity > 1) and op.container.startswith("self."):
                    ev.append((m.selection.line, f"`{m.name}` checks its invariants before changing `self.{attr}`"))
                    members += domain
            for loop in m.loops:
                attr = loop.iter.removeprefix("self.")
                if attr.endswith("()") and attr[:-2] in WRAPS:
                    # `next(b for b in sorted(self.batches) if ...)`: the members, sorted
                    wrapped = [a for c in m.calls if c.func == attr[:-2] for a in c.args if a.startswith("attr:self.")]
                    attr = wrapped[0][10:] if wrapped else attr
                if (
                    held.get(attr)
                    and (m.raises or m.complexity > 2)
                    and any(c.receiver == loop.target for c in m.calls)
                    and changes_cluster(ctx, m, held[attr])
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
        held = {t.key for types in held_classes(ctx, ref).values() for t in types}
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
        by = stored_by(ctx)
        return [
            t
            for attr, types in held_classes(ctx, ref).items()
            if not identifier_attr(attr)
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
        stored = stored_whole(ctx)
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
            if not recorded and not domain_code(ctx, ref, members):
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
                for attr, types in held_classes(ctx, ref).items()
                if not identifier_attr(attr)
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
