from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.model import Detection
from agentls.patterns.registry import Detector, register


@register
class IteratorPattern(Detector):
    """Gives sequential access to the elements of an aggregate without exposing how it stores
    them. In Python this is the iterator protocol: `__iter__` on the aggregate, `__next__` on
    the iterator (or a generator). It hides representation and lets several traversals run at
    once; hand-written iterators are easy to get subtly wrong (exhaustion, mutation during
    iteration).

    ## Roles
    - `iterator`: keeps the traversal position (`__next__`, `__iter__` returning `self`).
    - `aggregate`: a collection whose `__iter__` returns a separate iterator or yields.

    ## How it is detected
    - `__next__` together with `__iter__` returning `self`: an iterator.
    - `__iter__` returning a new instance of a class that has `__next__`: an aggregate with
      its own iterator (high confidence); `__iter__` as a generator over its own state: an
      aggregate (lower confidence).
    """

    id = "iterator"
    category = "behavioural"
    roles: ClassVar[dict[str, str]] = {
        "iterator": "keeps the traversal position",
        "aggregate": "collection handing out iterators",
    }

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        for ref in ctx.classes():
            methods = ref.cls.methods
            it, nxt = methods.get("__iter__"), methods.get("__next__")
            if nxt is not None and (it is None or "self" in it.returns):
                yield ctx.det(
                    ref, self.id, "iterator", 0.9, [(nxt.selection.line, "`__next__` advances the traversal")]
                )
                continue
            if it is None:
                continue
            made = [r for r in ctx.returned_classes(it) if "__next__" in r.cls.methods]
            if made:
                yield ctx.det(
                    ref,
                    self.id,
                    "aggregate",
                    0.85,
                    [(it.selection.line, f"`__iter__` returns a new `{made[0].cls.name}`")],
                    [(made[0], "iterator")],
                )
            elif it.yields and it.self_reads:
                yield ctx.det(ref, self.id, "aggregate", 0.6, [(it.selection.line, "`__iter__` yields its elements")])
