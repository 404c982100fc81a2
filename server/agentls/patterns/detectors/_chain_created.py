"""Chains whose successors are made, not kept: a link that, behind a decision, makes another
handler and hands it the request it was given (`return Other().handle(payload)`), of a written
interface or (duck typing) of another class doing the same in turn."""

from __future__ import annotations

from agentls.patterns.context import Ctx, per_workspace
from agentls.patterns.detectors._chain_runners import given
from agentls.patterns.workspace import ClassRef


def _creates_next(ctx: Ctx, ref: ClassRef) -> tuple[str, ClassRef, int] | None:
    """(method, interface, line): a method declared abstract by an interface, which behind a
    decision makes another implementation of that interface and hands it the request it was
    given (`return Other().handle(payload)`): a chain whose successors are created, not kept."""
    for anc in ctx.interface_ancestors(ref):
        for name in anc.cls.abstract_methods:
            m = ref.cls.methods.get(name)
            if m is None or m.is_stub or m.complexity < 2 or not m.params:
                continue
            family = {d.key for d in ctx.descendants(anc)}
            for c in m.calls:
                if c.method != name or not c.receiver.endswith("()") or not set(c.args) & given(m):
                    continue
                r = ctx.resolve(c.receiver[:-2], ref.module)
                if r is not None and r.key in family:
                    return name, anc, c.line
    return None


def _makes_next_duck(ctx: Ctx, ref: ClassRef, depth: int = 0) -> tuple[str, ClassRef, int] | None:
    """(method, next class, line) with no interface written (duck typing): behind a decision a
    method makes an object of another class and hands it the request it was given under the
    same name (`return Successor2().handle(payload)`), where that class does the same in turn
    (the links hand the request to each other; one object asked once is a helper)."""
    for m in ref.cls.methods.values():
        if m.is_stub or m.complexity < 2 or not m.params or m.name.startswith("_"):
            continue
        for c in m.calls:
            if c.method != m.name or not c.receiver.endswith("()") or not set(c.args) & given(m):
                continue
            r = ctx.resolve(c.receiver[:-2], ref.module)
            if r is None or r == ref or ref in ctx.ancestors(r) or r in ctx.ancestors(ref):
                continue
            if depth == 0 and _makes_next_duck(ctx, r, 1) is None:
                continue
            return m.name, r, c.line
    return None


@per_workspace
def created_links(ctx: Ctx) -> dict[str, tuple[str, ClassRef, int]]:
    """{class key: (method, interface, line)} for every link that makes its successor: of a
    written interface, or (duck typing) with the class standing for the interface (cached)."""
    hit: dict[str, tuple[str, ClassRef, int]] = {}
    for r in ctx.ws.all_classes():
        found = _creates_next(ctx, r) if r.cls.bases else None
        if found:
            hit[r.key] = found
        elif not any(r2.cls.methods for r2 in ctx.ancestors(r)) and (duck := _makes_next_duck(ctx, r)):
            hit[r.key] = (duck[0], r, duck[2])  # no interface: the class stands for itself
    return hit
