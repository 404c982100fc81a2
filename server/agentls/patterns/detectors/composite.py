from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.model import Detection
from agentls.patterns.registry import Detector, register


@register
class Composite(Detector):
    """Composes objects into trees and lets clients treat a single object and a group the same
    way: a composite implements the component interface by forwarding each operation to its
    children. Recursive structures get uniform code; the cost is a general interface in which
    leaves may have to reject child-management operations.

    ## Roles
    - `composite`: holds children and forwards operations to each.
    - `component`: the interface leaves and composites share.
    - `leaf`: a component without children.

    ## How it is detected
    A class that keeps a collection of children, adds objects it receives to it, and
    implements a method by calling the *same* method on each child (in a loop or a
    comprehension). Its base class, when it has one, is the component and the base's other
    implementations are leaves. Calling a different method on each item (`notify` calling
    `update`) is Observer, not Composite.
    """

    id = "composite"
    category = "structural"
    roles: ClassVar[dict[str, str]] = {
        "composite": "forwards to its children",
        "component": "shared interface",
        "leaf": "no children",
    }

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        for ref in ctx.classes():
            methods = ctx.all_methods(ref)
            containers = {c.attr for c in ctx.collabs(ref).values() if c.container}
            adds = {
                op.container.removeprefix("self.")
                for m in methods.values()
                for op in m.container_ops
                if op.op in ("append", "add", "extend", "insert") and op.arg.startswith("param:")
            }
            init = methods.get("__init__")
            if init is not None:
                adds |= {
                    a
                    for a, vs in init.self_writes.items()
                    if any(v.startswith("param:") or v.startswith("call:list") for v in vs)
                }
            for m in ref.cls.methods.values():
                if m.name.startswith("__") and m.name not in ("__call__", "__str__"):
                    continue
                for loop in m.loops:
                    attr = loop.iter.removeprefix("self.")
                    if attr not in containers or attr not in adds or not loop.target:
                        continue
                    if any(c.func == f"{loop.target}.{m.name}" for c in m.calls):
                        bases = ctx.ancestors(ref)
                        leaves = [
                            d for b in bases[:1] for d in ctx.concrete(b) if d != ref and not ctx.collabs(d).get(attr)
                        ]
                        yield ctx.det(
                            ref,
                            self.id,
                            "composite",
                            0.9 if bases else 0.75,
                            [
                                (m.selection.line, f"`{m.name}` calls `{m.name}` on every child in `self.{attr}`"),
                            ],
                            [*((b, "component") for b in bases[:1]), *((lf, "leaf") for lf in leaves)],
                        )
                        break
                else:
                    continue
                break
