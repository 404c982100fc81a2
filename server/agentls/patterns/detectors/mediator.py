from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.model import Detection
from agentls.patterns.registry import Detector, register
from agentls.patterns.workspace import ClassRef


@register
class Mediator(Detector):
    """Centralises how a set of objects interact: colleagues talk only to the mediator, passing
    themselves along, and the mediator decides whom to involve. Colleagues stay decoupled and
    reusable; the mediator concentrates the coordination logic and can become a god class.

    ## Roles
    - `mediator`: receives notifications from colleagues and coordinates them.
    - `colleague`: reports to the mediator instead of calling peers.

    ## How it is detected
    A colleague class calls a method on an object it holds passing `self` (`self.mediator.
    notify(self, "event")`), and that object's class (by annotation or by the method name)
    keeps that colleague's kind itself (by annotation or by creating it), holds two or more
    other objects (or a collection of them) and, in that method, branches or loops to call
    methods on them. A call that merely passes `self` to a method of the same name elsewhere is
    not enough.
    """

    id = "mediator"
    category = "behavioural"
    roles: ClassVar[dict[str, str]] = {"mediator": "coordinates colleagues", "colleague": "reports to the mediator"}

    def _links(self, ctx: Ctx) -> list[tuple[ClassRef, ClassRef, str, int]]:
        """(colleague, mediator, method, line) across the workspace."""
        key = "mediator_links"
        if key in ctx._cache:
            return ctx._cache[key]  # type: ignore[no-any-return]
        by_method: dict[str, list[ClassRef]] = {}
        for ref in ctx.ws.all_classes():
            for name, m in ref.cls.methods.items():
                if m.params and not name.startswith("__") and m.complexity > 1:
                    by_method.setdefault(name, []).append(ref)
        links = []
        for ref in ctx.ws.all_classes():
            for m in ref.cls.methods.values():
                for call in m.calls:
                    # `self.<attr>.<method>(..., self, ...)`: a colleague reporting itself
                    if "self" not in call.args or not call.receiver.startswith("self."):
                        continue
                    c = ctx.collabs(ref).get(call.receiver[5:])
                    if c is None:
                        continue
                    targets = c.types or by_method.get(call.method, [])
                    for t in targets:
                        if t != ref and self._holds(ctx, t, ref) and self._coordinates(ctx, t, call.method):
                            links.append((ref, t, call.method, call.line))
        ctx._cache[key] = links
        return links

    def _holds(self, ctx: Ctx, mediator: ClassRef, colleague: ClassRef) -> bool:
        """The mediator knows its colleagues: it keeps one of the colleague's kind."""
        kinds = {colleague.key, *(a.key for a in ctx.ancestors(colleague))}
        return any(t.key in kinds for c in ctx.collabs(mediator).values() for t in c.types)

    def _coordinates(self, ctx: Ctx, ref: ClassRef, method: str) -> bool:
        m = ref.cls.methods.get(method)
        if m is None or m.complexity < 2:
            return False
        collabs = ctx.collabs(ref)
        used = {c.receiver.removeprefix("self.") for c in m.calls if c.receiver.startswith("self.")} & set(collabs)
        looped = any(loop.iter.removeprefix("self.") in collabs for loop in m.loops)
        return len(used) >= 2 or looped

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        links = self._links(ctx)
        for ref in ctx.classes():
            as_med = [(c, meth) for c, med, meth, _ in links if med == ref]
            if as_med:
                m = ref.cls.methods[as_med[0][1]]
                yield ctx.det(
                    ref,
                    self.id,
                    "mediator",
                    0.8,
                    [(m.selection.line, f"`{m.name}` receives the sender and coordinates the others")],
                    [(c, "colleague") for c, _ in as_med],
                )
            mine = [(med, meth, line) for c, med, meth, line in links if c == ref]
            if mine:
                med, meth, line = mine[0]
                yield ctx.det(
                    ref,
                    self.id,
                    "colleague",
                    0.8,
                    [(line, f"tells the mediator `{med.cls.name}.{meth}` about itself")],
                    [(med, "mediator")],
                )
