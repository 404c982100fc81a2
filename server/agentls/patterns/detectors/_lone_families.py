"""An interface a library ships one implementation of, for callers to plug in their own: a
Strategy family when a context typed as the interface may be left without one."""

from __future__ import annotations

from agentls.patterns.context import Ctx, per_workspace
from agentls.patterns.detectors._configured import optional_anywhere
from agentls.patterns.detectors._families import Held
from agentls.patterns.detectors._handing import is_test_case
from agentls.patterns.detectors._shared import is_exception
from agentls.patterns.workspace import ClassRef


@per_workspace
def lone_families(ctx: Ctx, iface: ClassRef) -> list[Held]:
    """The holders of an interface with exactly one implementation in the program that keep a
    parameter typed as the interface which their callers may leave out (`session: BaseSession |
    None = None`, then `AiohttpSession()`; `configure(region_invalidator=None)` beside the
    default strategy) and call it: the library ships one algorithm, its users configure the
    context with their own. A required parameter (a service handed its one gateway) is wiring."""
    if not iface.cls.is_interface:
        return []
    impls = [d for d in ctx.concrete(iface) if set(d.cls.methods) & set(iface.cls.methods)]
    if len(impls) != 1:
        return []
    family = {iface.key, *(d.key for d in ctx.descendants(iface))}
    out: list[Held] = []
    for holder, c in ctx.holders(iface):
        if holder.key in family or c.container or not c.methods or iface.key not in {t.key for t in c.types}:
            continue
        if is_test_case(ctx, holder) or is_exception(ctx, holder) or not optional_anywhere(holder, c.attr):
            continue
        out.append(Held(iface, impls, holder, c, True))
    return out
