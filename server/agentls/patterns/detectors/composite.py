from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import ClassVar

from agentls.patterns.context import Ctx, Target
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.model import Detection
from agentls.patterns.workspace import ClassRef


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
    implementations (without children of their own) are leaves. The program is read once, so
    the component and the leaves, in whatever module, are reported too. Calling a different
    method on each item (`notify` calling `update`) is Observer, not Composite.
    """

    id = "composite"
    category = "structural"
    roles: ClassVar[dict[str, str]] = {
        "composite": "forwards to its children",
        "component": "shared interface",
        "leaf": "no children",
    }

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        key = ("composite", "all")
        found: dict[str, list[Detection]] | None = ctx._cache.get(key)
        if found is None:
            found = {}
            for ref in ctx.ws.all_classes():
                for who, d in self._detect(Ctx(ref.module, ctx.ws, ctx.settings), ref):
                    if all((d.role, d.symbol) != (x.role, x.symbol) for x in found.get(who.key, [])):
                        found.setdefault(who.key, []).append(d)
            ctx._cache[key] = found
        for ref in ctx.classes():
            yield from found.get(ref.key, [])

    def _detect(self, ctx: Ctx, ref: ClassRef) -> Iterator[tuple[ClassRef, Detection]]:
        if ref.module is ctx.index:
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
                        parts = [
                            (ref, "composite"),
                            *((b, "component") for b in bases[:1]),
                            *((lf, "leaf") for lf in leaves),
                        ]
                        for b in bases[:1]:
                            yield (
                                b,
                                _at(
                                    ctx,
                                    b,
                                    self.id,
                                    "component",
                                    0.85,
                                    f"the interface `{ref.cls.name}` and its leaves share",
                                    parts,
                                ),
                            )
                        for lf in leaves:
                            yield (
                                lf,
                                _at(ctx, lf, self.id, "leaf", 0.8, f"a `{bases[0].cls.name}` without children", parts),
                            )
                        yield (
                            ref,
                            ctx.det(
                                ref,
                                self.id,
                                "composite",
                                0.9 if bases else 0.75,
                                [
                                    (m.selection.line, f"`{m.name}` calls `{m.name}` on every child in `self.{attr}`"),
                                ],
                                [*((b, "component") for b in bases[:1]), *((lf, "leaf") for lf in leaves)],
                            ),
                        )
                        break
                else:
                    continue
                break


def _at(
    ctx: Ctx, ref: ClassRef, pattern: str, role: str, conf: float, why: str, parts: Sequence[tuple[Target, str]]
) -> Detection:
    """A detection for a participant, built as if analysing its own module."""
    return Ctx(ref.module, ctx.ws, ctx.settings).det(ref, pattern, role, conf, [(ref.cls.selection.line, why)], parts)
