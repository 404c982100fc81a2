"""Messages a bus routes by their type: a method looking its handlers up by the type of what
it is handed (`self._handlers[type(event)]`, `kind = event.__class__; self.map.get(kind)`)
and calling them takes messages, whatever they are named. The class its parameter is
declared as, and that class's subclasses, are messages; the message analysis reads them from
here (their kind, command, query or event, is left to the rest of the evidence)."""

from __future__ import annotations

from agentls.patterns.context import Ctx, per_workspace
from agentls.patterns.detectors._dispatch import asks_locator, calls_found_handler, dispatches
from agentls.patterns.workspace import ClassRef


@per_workspace
def routed_by_type(ctx: Ctx) -> list[tuple[ClassRef, str]]:
    """(message class, "Bus.method") for every class a type-keyed dispatch is declared to take,
    and each of its subclasses."""
    out: list[tuple[ClassRef, str]] = []
    for owner in ctx.ws.all_classes():
        for m in owner.cls.methods.values():
            if not m.params or m.params[0].annotation is None:
                continue
            if not (dispatches(m) or m.params[0].name in (calls_found_handler(m), asks_locator(m))):
                continue
            where = f"{owner.cls.name}.{m.name}"
            for r in ctx.annotation_refs(m.params[0].annotation, owner.module):
                if r == owner:
                    continue
                out.append((r, where))
                out.extend((d, where) for d in ctx.descendants(r))
    return out
