"""Interface families held by a context: the skeleton of strategy, state and bridge."""

from __future__ import annotations

from dataclasses import dataclass

from agentls.patterns.context import Collab, Ctx, per_workspace
from agentls.patterns.detectors._class_configured import class_configured
from agentls.patterns.detectors._client_swaps import swapped_by_clients
from agentls.patterns.detectors._configured import hooked_impls, optional_in_constructor
from agentls.patterns.detectors._duck_families import implied, implied_families
from agentls.patterns.detectors._handing import is_test_case
from agentls.patterns.detectors._passed import made_from_param, same_answers
from agentls.patterns.detectors._shared import is_exception, is_repository, is_uow
from agentls.patterns.detectors._transitions import transitions
from agentls.patterns.workspace import ClassRef


@dataclass
class Held:
    interface: ClassRef
    impls: list[ClassRef]
    holder: ClassRef
    collab: Collab
    typed: bool
    abstract: bool = True  # False: a plain base class, which only a state machine makes a family


@per_workspace
def held_families(ctx: Ctx, iface: ClassRef) -> list[Held]:
    """Holders (outside the family) of an interface with two or more concrete implementations.

    The interface may be abstract, or a plain base class whose subclasses each override a
    method the holder calls (the textbook State base with shared behaviour), or implied by
    duck typing (`_duck`): the stand-in of what one holder calls on an untyped attribute.
    """
    fam = implied(ctx, iface)
    if fam is not None:
        return [Held(fam.iface, fam.impls, fam.holder, fam.collab, False)]
    out: list[Held] = []
    abstract = iface.cls.is_interface
    if abstract:
        impls = [d for d in ctx.concrete(iface) if set(d.cls.methods) & set(iface.cls.methods)]
    else:
        impls = [d for d in ctx.descendants(iface) if not d.cls.is_interface] if iface.cls.methods else []
    if len(impls) >= 2:
        family = {iface.key, *(d.key for d in ctx.descendants(iface))}
        offered = set(ctx.all_methods(iface))
        # What every implementation defines counts as the family's interface too.
        shared = set.intersection(*(set(i.cls.methods) for i in impls)) - {"__init__"}
        pairs = list(ctx.holders(iface))
        for impl in impls:
            pairs += [(h, c) for h, c in ctx.holders(impl) if c.instantiated]
        # Made from a class its subclasses set in a class attribute (`storage_class = RedisStorage`).
        pairs += [(h, c) for h, c in class_configured(ctx) if any(t.key in family for t in c.types)]
        abstract_names = iface.cls.abstract_methods or set(iface.cls.public_methods)
        for holder, c in inherited_ducks(ctx):
            called = set(c.methods)
            if c.types:  # made from the classes its clients hand it
                if any(t.key in family for t in c.types):
                    pairs.append((holder, c))
            elif (
                called <= offered | shared
                and called & abstract_names
                and (len(called) >= 2 or called >= abstract_names)
            ):
                pairs.append((holder, c))
        seen: set[tuple[str, str]] = set()
        for holder, collab in pairs:
            if holder.key in family or collab.container or (holder.key, collab.attr) in seen:
                continue
            if is_test_case(ctx, holder) or is_exception(ctx, holder):
                continue  # a test case keeping what it tests, an error keeping what failed
            # The class that delegates may be an ancestor of the one that picks the
            # implementation (a `Duck` calling `self.fly_behavior.fly()` while `MallardDuck`
            # sets `self.fly_behavior = FlyWithWings()`): the delegating class is the context.
            for anc in ctx.ancestors(holder):
                if anc.key not in family and any(
                    c.receiver == f"self.{collab.attr}" for m in anc.cls.methods.values() for c in m.calls
                ):
                    holder = anc
                    collab = ctx.collabs(anc).get(collab.attr) or collab
            if (holder.key, collab.attr) in seen:
                continue
            seen.add((holder.key, collab.attr))
            called = set(collab.methods)
            for d in ctx.descendants(holder):
                called |= {
                    c.method for m in d.cls.methods.values() for c in m.calls if c.receiver == f"self.{collab.attr}"
                }
            if not called & (offered | shared):
                continue
            # A concrete base: the calls must really dispatch, to methods the subclasses
            # override; each state may override only the events it reacts to (`OnState.off`,
            # `OffState.on`), so two subclasses overriding some called method is enough.
            if not abstract and sum(bool(called & set(i.cls.methods)) for i in impls) < 2:
                continue
            # A concrete base is an interface in the hooks the holder calls on an object it is handed.
            hooked = [] if abstract or not collab.from_param else hooked_impls(iface, impls, called)
            out.append(Held(iface, hooked or impls, holder, collab, bool(collab.types), abstract or bool(hooked)))
    return out


def roles_for(ctx: Ctx, ref: ClassRef) -> list[tuple[str, Held]]:
    """('interface'|'impl'|'holder', held) for every family this class takes part in."""
    key = ("roles_for", ref.key)
    if key not in ctx._cache:
        ctx._cache[key] = _roles_for(ctx, ref)
    return ctx._cache[key]  # type: ignore[no-any-return]


def roles_of_kind(ctx: Ctx, ref: ClassRef, kind: str) -> list[tuple[str, Held]]:
    """The first family of ``kind`` (strategy, state or bridge) for each role this class plays."""
    done: set[str] = set()
    out: list[tuple[str, Held]] = []
    for role, h in roles_for(ctx, ref):
        if role not in done and kind_of(ctx, h) == kind:
            done.add(role)
            out.append((role, h))
    return out


def _roles_for(ctx: Ctx, ref: ClassRef) -> list[tuple[str, Held]]:
    out: list[tuple[str, Held]] = [("interface", h) for h in _held_per_kind(ctx, ref)]
    for anc in ctx.ancestors(ref):
        out.extend(("impl", h) for h in _held_per_kind(ctx, anc) if implements(ctx, h, ref))
    ducks = _ducks_held_by(ctx).get(ref.key, [])
    made = [c for c in ducks if c.types]
    configured = [c for h, c in class_configured(ctx) if h == ref]
    for c in [*ctx.collabs(ref).values(), *made, *configured]:
        for t in c.types:
            for cand in [t, *ctx.ancestors(t)]:
                out.extend(
                    ("holder", h) for h in held_families(ctx, cand) if h.holder == ref and h.collab.attr == c.attr
                )
    out.extend(implied_roles(ctx, ref))
    if not any(r == "holder" for r, _ in out):
        seen = set()
        for c in [*ctx.collabs(ref).values(), *ducks]:
            if c.from_param and not c.types and c.methods:
                for cand in _duck_interfaces(ctx, c):
                    for h in held_families(ctx, cand):
                        if h.holder == ref and (cand.key, c.attr) not in seen:
                            seen.add((cand.key, c.attr))
                            out.append(("holder", h))
    return out


@per_workspace
def _held_per_kind(ctx: Ctx, iface: ClassRef) -> list[Held]:
    """``_one_per_kind`` of the interface's families, kept: each of its descendants asks it
    (20,000 times for 3,800 classes over Django + SQLAlchemy). Read it, do not change it."""
    return _one_per_kind(ctx, held_families(ctx, iface))


def implements(ctx: Ctx, h: Held, ref: ClassRef) -> bool:
    """``ref in h.impls``, from the implementations' keys kept per family: every descendant of
    a base such as a library's `Field` (a hundred implementations) asks it. Keyed by identity,
    the family kept beside its keys (every ``Held`` comes from ``held_families``' store)."""
    keys: dict[int, tuple[Held, frozenset[str]]] = ctx._cache.setdefault("family impl keys", {})
    hit = keys.get(id(h))
    if hit is None or hit[0] is not h:
        hit = keys[id(h)] = (h, frozenset(i.key for i in h.impls))
    return ref.key in hit[1]


def implied_roles(ctx: Ctx, ref: ClassRef) -> list[tuple[str, Held]]:
    """('impl'|'holder', held) for the duck-typed families the class takes part in."""
    out: list[tuple[str, Held]] = []
    for fam in implied_families(ctx).values():
        if ref in fam.impls or ref == fam.holder:
            h = held_families(ctx, fam.iface)[0]
            out.append(("holder" if ref == fam.holder else "impl", h))
    return out


@per_workspace
def inherited_ducks(ctx: Ctx) -> list[tuple[ClassRef, Collab]]:
    """A base that receives an object in its constructor (`self.renderer = renderer`) whose
    subclasses call methods on it (`self.renderer.render_circle(...)`): the base holds it, with
    the methods its subclasses call."""
    out: list[tuple[ClassRef, Collab]] = []
    for ref in ctx.ws.all_classes():
        out.extend(made_from_param(ctx, ref))
        subs = ctx.descendants(ref) if ref.cls.methods else []
        if not subs:
            continue
        for c in ctx.collabs(ref).values():
            if not c.from_param or c.types or c.container:
                continue
            methods = dict(c.methods)
            for d in subs:
                dc = ctx.collabs(d).get(c.attr)
                if dc is not None and not dc.from_param:
                    for name, line in dc.methods.items():
                        methods.setdefault(name, line)
            if len(methods) > len(c.methods):
                out.append((ref, Collab(c.attr, [], True, [], methods, "", c.line)))
    return out


@per_workspace
def _ducks_held_by(ctx: Ctx) -> dict[str, list[Collab]]:
    """Class key -> the attributes ``inherited_ducks`` finds it holding, in that order: each
    class's roles asked for its own among them (3,800 classes over Django + SQLAlchemy, each
    walking the whole list twice)."""
    out: dict[str, list[Collab]] = {}
    for holder, c in inherited_ducks(ctx):
        out.setdefault(holder.key, []).append(c)
    return out


def _duck_interfaces(ctx: Ctx, c: Collab) -> list[ClassRef]:
    index = ctx._cache.get("iface_by_method")
    if index is None:
        index = {}
        for ref in ctx.ws.all_classes():
            if ref.cls.is_interface or (ref.cls.methods and ctx.ws.subclasses(ref)):
                for name in ref.cls.methods:
                    index.setdefault(name, []).append(ref)
        ctx._cache["iface_by_method"] = index
    out: list[ClassRef] = []
    for name in c.methods:
        for ref in index.get(name, []):
            if ref not in out:
                out.append(ref)
    return out


def _one_per_kind(ctx: Ctx, helds: list[Held]) -> list[Held]:
    """An interface held by many contexts takes part once per kind (strategy/state/bridge)."""
    out: dict[str, Held] = {}
    for h in helds:
        out.setdefault(kind_of(ctx, h), h)
    return list(out.values())


def kind_of(ctx: Ctx, h: Held) -> str:
    """state when implementations replace one another, bridge when the holder is a hierarchy.
    Kept per family (every ``Held`` comes from ``held_families``' store): the roles of each
    class ask it again for every family they see, some 40,000 times for 68 families over
    Django + SQLAlchemy (0.1 s of CPU). Keyed by identity, the family kept beside its answer
    so that the id cannot be reused meanwhile."""
    kinds: dict[int, tuple[Held, str]] = ctx._cache.setdefault("family kinds", {})
    hit = kinds.get(id(h))
    if hit is None or hit[0] is not h:
        hit = kinds[id(h)] = (h, _kind_of(ctx, h))
    return hit[1]


def _kind_of(ctx: Ctx, h: Held) -> str:
    if transitions(ctx, h):
        return "state"
    if not h.abstract:
        return ""  # subclasses overriding a concrete base: plain inheritance, not a strategy
    if _creates(ctx, h):
        return ""  # a family of factories: the holder is an Abstract Factory's client
    if is_repository(ctx, h.interface) or is_uow(ctx, h.interface):
        return ""  # a persistence port handed to its users: reported as that, not as an implementor
    if _paired(ctx, h):
        return ""  # the implementations pick or make their holder: parallel hierarchies
    subs = ctx.descendants(h.holder)
    # Subclasses that only pick the implementation (assign the attribute) configure a
    # strategy; a hierarchy of abstractions refining behaviour over it is a bridge, when the
    # refined abstractions work through the implementor: they use it themselves, or refine
    # the steps of a method that does (`check_prices` over `self.exchange` calling the
    # subclass's `should_buy`). A subclass that only changes what it reports (a failed match
    # keeping the route) refines nothing over it.
    attr = h.collab.attr
    methods = [m for d in subs for m in d.cls.methods.values()]
    steps = {c for m in h.holder.cls.methods.values() if attr in m.self_reads for c in m.self_calls}
    # A refined operation extending the holder's own delegating one through `super()`
    # (`return f"Refined: {super().operation()}"`), or composing the abstraction's delegating
    # operations (`display_multi` calling `self.open()`, `self.print()`, `self.close()`), works
    # through the implementor too.
    delegating = {n for n, m in h.holder.cls.methods.items() if attr in m.self_reads and n != "__init__"}
    # An abstract holder handed its implementor in its constructor for good, whose two or more
    # subclasses carry out its own abstract operations (`Flask` / `Django` routing and
    # rendering beside the base's `execute` over a database driver), is an abstraction refined
    # apart from its implementor; one whose clients swap it through a setter is a context, and
    # so is one whose clients assign it, or another object it is handed and calls, on an
    # object they made (`duck.fly_behaviour = FlyRocketPowered()`): its behaviours are
    # algorithms it is configured with, one after another.
    handed_for_good = (
        h.collab.from_param
        and all(n == "__init__" for n, m in h.holder.cls.methods.items() if attr in m.self_writes)
        and not swapped_by_clients(ctx, h.holder)
    )
    abstract_ops = h.holder.cls.abstract_methods
    refining = [d for d in subs if abstract_ops & {n for n, m in d.cls.methods.items() if not m.abstract}]
    # A holder its callers may leave without the object (an optional constructor parameter)
    # is configured with it: subclasses extending it refine a context, not an abstraction.
    if (
        subs
        and not optional_in_constructor(h.holder, attr)
        and not any(attr in m.self_writes for m in methods)
        and (
            any(
                attr in m.self_reads
                or m.name in steps
                or (m.name in delegating and any(c.func == f"super().{m.name}" for c in m.calls))
                or (m.name not in delegating and m.self_calls & delegating)
                for m in methods
            )
            or (handed_for_good and delegating and len(refining) >= 2)
        )
    ):
        return "bridge"
    if abstraction_base(ctx, h) is not None:
        return "bridge"
    return "strategy"


def _creates(ctx: Ctx, h: Held) -> bool:
    """Every implementation answers what the holder calls on it by making a new object of a
    workspace class (`create_dough()` returning `ThinCrustDough()`): the holder asks a factory
    for products, it does not run an algorithm or work through an implementor."""
    called = set(h.collab.methods)
    found = False
    for impl in h.impls:
        for name in called & set(impl.cls.methods):
            m = impl.cls.methods[name]
            if ctx.returned_classes(m, impl.module):
                found = True
                continue
            # `return [Garlic(), Onion()]`, `clam = FreshClams(); return clam`: products made
            # into a collection or a local and answered.
            answers = any(v in ("list", "tuple", "set") or v.startswith("name:") for v in m.returns)
            if not (answers and ctx.instantiations(m, impl.module)):
                return False
            found = True
    # (one result type filled in by each algorithm is no product family)
    return found and not same_answers(ctx, h.impls, called)


def _paired(ctx: Ctx, h: Held) -> bool:
    """The family's hierarchy names or makes the classes that hold it: a database client declaring its
    executor (`executor_class = AsyncpgExecutor`) or opening a transaction context with itself
    (`TransactionContext(self)`). Each holder then belongs to one implementation (parallel
    hierarchies, a part and its owner); nothing is configured with any implementation, so it
    is neither a strategy nor a bridge."""
    key = ("paired", h.interface.key, h.holder.key)
    if key in ctx._cache:
        return ctx._cache[key]  # type: ignore[no-any-return]
    holders = {h.holder.key, *(d.key for d in ctx.descendants(h.holder))}
    # The whole hierarchy the family belongs to (a client opening a transaction context over
    # a wrapper of itself: `TransactionContext(TransactionWrapper(self))`).
    root = next(iter(ctx.ancestors(h.interface)[-1:]), h.interface)
    found = False
    for impl in [root, *ctx.descendants(root)]:
        for value in impl.cls.class_attrs.values():
            r = ctx.resolve(value[5:], impl.module) if value.startswith("name:") else None
            if r is not None and r.key in holders:
                found = True
        if not found:
            found = any(
                r.key in holders for m in impl.cls.methods.values() for _, r in ctx.instantiations(m, impl.module)
            )
        if found:
            break
    ctx._cache[key] = found
    return found


def abstraction_base(ctx: Ctx, h: Held) -> ClassRef | None:
    """The base of two or more sibling holders of the same implementor family (outside it):
    each refined abstraction keeps its own implementor (`RefinedAbstractionA(IAbstraction)`
    and `RefinedAbstractionB(IAbstraction)` both holding an `IImplementer`)."""
    family = {h.interface.key, *(d.key for d in ctx.descendants(h.interface))}
    holders = {x.holder.key for x in held_families(ctx, h.interface)}
    called = set(h.collab.methods)
    for anc in ctx.ancestors(h.holder):
        if anc.key in family or not anc.cls.methods:
            continue
        # (Unless the classes it is handed are no kind of it: `RefinedAbstraction(ConcreteImplementer)`
        # with one method name on both sides.)
        if called <= set(ctx.all_methods(anc)) and not (
            h.collab.types and all(anc not in ctx.ancestors(t) for t in h.collab.types)
        ):
            return None  # holders answering what they pass on hold their own kind: a chain
        # Siblings: a holder's subclass that inherits the attribute is the same abstraction.
        mine = [d for d in ctx.descendants(anc) if d.key in holders]
        keys = {d.key for d in mine}
        if sum(not any(a.key in keys for a in ctx.ancestors(d)) for d in mine) >= 2:
            return anc
        # One refined abstraction is enough when it carries out an abstract operation of its
        # own abstraction through the implementor, is handed no other object, and the
        # abstraction's every concrete subclass works over the implementor (`save_file` over
        # `self.storage.save`); a service implementing a port over several injected ports, or
        # one resource among many kinds of resources, is not refining an abstraction. Plain
        # values handed beside the implementor (`CircleShape(x, y, radius, api)`) are the
        # abstraction's own state: only handed objects it calls or types as a class count.
        delegating = {n for n, m in h.holder.cls.methods.items() if h.collab.attr in m.self_reads}
        given = [c for c in ctx.collabs(h.holder).values() if c.from_param and (c.methods or c.types)]
        concrete = ctx.concrete(anc)
        if (
            anc.cls.is_interface
            and delegating & anc.cls.abstract_methods
            and len(given) == 1
            and all(d.key in keys for d in concrete)
        ):
            return anc
    return None
