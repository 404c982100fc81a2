"""Chains whose links require their successor, and the link ending a chain: the classes of a
Chain of Responsibility that no optional successor marks (`Clerk(Manager(Refuse()))`)."""

from __future__ import annotations

from collections.abc import Callable

from agentls.patterns.context import Ctx
from agentls.patterns.workspace import ClassRef

# A class's chain link as the detector finds it: (successor attribute, method, line), or None.
Chain = Callable[[Ctx, ClassRef], "tuple[str, str, int] | None"]


def passes_on(ctx: Ctx, ref: ClassRef, method: str) -> bool:
    """``ref`` answers ``method`` and keeps (not in a container) an object it calls
    ``method`` on: a link passing the request on."""
    return method in ref.cls.methods and any(not c.container and method in c.methods for c in ctx.collabs(ref).values())


def ended(ctx: Ctx, ref: ClassRef, method: str) -> bool:
    """The successor is required (`Clerk(successor)`), yet the chain has an end: an interface
    above ``ref`` declares ``method``, two or more of its implementations in ``ref``'s module
    (``ref`` one of them) pass it on to an object they keep, and another there answers it
    keeping none and deriving from no link (`Refuse`). One class forwarding to a sibling that
    answers itself is a proxy of a real subject, not a chain; and a link below another (a
    `Container` overriding its base `Component`'s passing on) is a concrete handler of the
    base's chain."""
    if any(passes_on(ctx, a, method) for a in ctx.ancestors(ref)):
        return False
    for a in ctx.interface_ancestors(ref):
        if method not in a.cls.methods:
            continue
        # Written together, as a chain's classes are: wrappers of one protocol spread over a
        # library's modules (a gzip delegate forwarding to the delegate it wraps, beside
        # endpoints answering it) forward every call, and are no chain with an end.
        impls = [d for d in ctx.concrete(a) if method in d.cls.methods and d.module is ref.module]
        links = [d for d in impls if passes_on(ctx, d, method)]
        ends = [d for d in impls if d not in links and not any(k in ctx.ancestors(d) for k in links)]
        if ref in links and len(links) >= 2 and ends:
            return True
    return False


def last_link(ctx: Ctx, ref: ClassRef, chain: Chain) -> tuple[ClassRef, ClassRef, str] | None:
    """(interface, link, method) when ``ref`` implements the handler interface and answers the
    request that a link written beside it passes on, keeping no successor itself: the end of
    the chain (`Refuse`). The link must pass the request to one of the interface's kind, or
    to an untyped object (typed where it or a base of it keeps the successor)."""
    if ref.cls.is_interface:
        return None
    for a in ctx.interface_ancestors(ref):
        for d in ctx.concrete(a):
            # (the module first: a base such as a library's `Field` has hundreds of
            # implementations, nearly all in other modules)
            if d.module is not ref.module or d == ref or ref in ctx.ancestors(d):
                continue
            found = chain(ctx, d)
            if found is None or found[1] not in ref.cls.methods or found[1] not in a.cls.methods:
                continue
            if passes_on(ctx, ref, found[1]):
                continue
            kept = [ctx.collabs(x).get(found[0]) for x in (d, *ctx.ancestors(d))]
            types = [t for c in kept if c is not None for t in c.types]
            if not types or any(t == a or a in ctx.ancestors(t) for t in types):
                return a, d, found[1]
    return None
