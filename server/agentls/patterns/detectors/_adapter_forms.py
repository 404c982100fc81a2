"""What tells an object adapter from its look-alikes when the rest of its shape is an
adapter's (see ``_wrapper_roles._adapts``): whom it holds as an abstraction, and what it keeps
besides."""

from __future__ import annotations

from agentls.patterns.context import Ctx
from agentls.patterns.detectors._command_families import command_families
from agentls.patterns.detectors._wrapping import Wrap, family
from agentls.patterns.workspace import ClassRef


def adaptees(ctx: Ctx, w: Wrap) -> list[ClassRef]:
    """The held classes of another kind: its concrete ones, or, held only as an abstraction
    (a `Turkey` interface), that abstraction."""
    concrete = [t for t in w.wrapped if not t.cls.is_interface or not ctx.concrete(t)]
    # ... and the interface of a concrete one declaring what the adapter calls on it (`ITurkey`
    # above `WildTurkey`, whose `gobble` and `fly` the adapter calls): the adapted interface.
    called = {n for _, n in w.forwards}
    above = [
        a
        for t in concrete
        for a in ctx.ancestors(t)
        if a.cls.is_interface and called <= set(a.cls.abstract_methods) and a not in concrete
    ]
    return [*concrete, *dict.fromkeys(above)] if concrete else list(w.wrapped)


def filled(ref: ClassRef, attr: str) -> bool:
    """A container attribute changed after construction: stored into, added to, or replaced."""
    for name, m in ref.cls.methods.items():
        if name in ("__init__", "__post_init__"):
            continue
        if attr in m.self_writes or any(op.container == f"self.{attr}" for op in m.container_ops):
            return True
    return False


def whole_translation(ctx: Ctx, ref: ClassRef, w: Wrap) -> bool:
    """Serving every method (two or more) its interface declares abstract through the held
    object, beside another implementation of that interface holding nothing of the held
    object's kind (`TurkeyAdapter(Duck)` over a `Turkey`, beside `MallardDuck`): the one
    member of the target's family that translates. A strategy's context or a bridge's
    abstraction serves only some of its methods so, or its siblings hold the same kind."""
    wanted = set(w.interface.cls.abstract_methods)
    if len(wanted) < 2 or not wanted <= {m.name for m, _ in w.forwards}:
        return False
    kind = set().union(*(family(ctx, t) for t in w.wrapped))
    siblings = [s for s in ctx.concrete(w.interface) if s != ref]
    return any(not any(t.key in kind for c in ctx.collabs(s).values() for t in c.types) for s in siblings)


def runs_as_command(ctx: Ctx, ref: ClassRef, iface: ClassRef) -> bool:
    """One of two or more implementations of a command interface that an invoker runs
    (`SandwichCommand.execute` calling its receiver's `make_sandwich`, kept and triggered by
    `MealInvoker`): a command binding its receiver, not an adapter of it."""
    return any(f.iface == iface and ref in f.impls and len(f.impls) >= 2 and f.invokers for f in command_families(ctx))


def translates_enough(w: Wrap) -> bool:
    """Enough translation to guess an untyped wrapped object's class from what it answers: two
    or more of the interface's methods served by differently named calls, or every abstract
    method (two or more) served through it with at least one renamed (`TurkeyAdapter.quack`
    calling `gobble`, `fly` passed on as `fly`: the adaptee shares a name with the target)."""
    renamed = {m.name for m, n in w.forwards if m.name != n}
    if len(renamed) >= 2:
        return True
    wanted = set(w.interface.cls.abstract_methods)
    return bool(renamed) and len(wanted) >= 2 and wanted <= {m.name for m, _ in w.forwards}
