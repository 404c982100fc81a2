"""Caretaker forms of the Memento detector kept apart from ``memento`` (module size): a
caretaker the client drives, holding no originator itself."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from agentls.patterns.context import Ctx
from agentls.patterns.workspace import ClassRef


def handed_snapshots(ctx: Ctx, ref: ClassRef, originators: Mapping[str, tuple[ClassRef, Any]]) -> ClassRef | None:
    """The originator whose snapshots the program hands straight to the method filling one of
    the class's collections (`care_taker.add(originator.save_to_memento())`), when another
    of its methods hands a kept one back (`return self._mementos[index]`): a caretaker the
    client drives, holding no originator itself."""
    fillers = {
        m.name
        for m in ref.cls.methods.values()
        for op in m.container_ops
        if m.is_public and op.container.startswith("self.") and op.arg.startswith("param:")
    }
    kept = {op.container for m in ref.cls.methods.values() for op in m.container_ops}
    hands_back = any(
        (v.startswith("sub:") and v[4:] in kept) or (v.startswith("call:") and v[5:].removesuffix(".pop") in kept)
        for m in ref.cls.methods.values()
        for v in m.returns
    )
    saves = {f.save.name: r for r, f in originators.values() if f.save is not None}
    if not fillers or not hands_back or not saves:
        return None
    for module in ctx.ws.modules():
        for unit in module.units():
            for c in unit.calls:
                if c.method in fillers:
                    for a in c.args:
                        orig = saves.get(a.rpartition(".")[2]) if a.startswith("call:") else None
                        if orig is not None:
                            return orig
    return None
