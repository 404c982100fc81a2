from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.model import Detection
from agentls.patterns.registry import Detector, register
from agentls.patterns.workspace import ClassRef

_COMBINATORS = ("__and__", "__or__", "__invert__", "__xor__")


@register
class Specification(Detector):
    """Encapsulates a business rule as an object with a single predicate (`is_satisfied_by`)
    that can be combined with `and`, `or` and `not` into new rules. Rules become named,
    testable and reusable for validation and selection; the price is indirection compared
    with an inline condition, and combined trees are slow to evaluate in bulk.

    ## Roles
    - `specification`: the rule interface with its combinators.
    - `composite_specification`: combines other specifications (and / or / not).
    - `concrete_specification`: one business rule.

    ## How it is detected
    A class hierarchy with a one-argument predicate method, where combinator methods of the
    base (`__and__`, `__or__`, `__invert__`, or methods returning a subclass built from `self`
    and another specification) return subclasses that hold other specifications and call the
    same predicate on them.
    """

    id = "specification"
    category = "behavioural"
    roles: ClassVar[dict[str, str]] = {
        "specification": "rule interface",
        "composite_specification": "combines rules",
        "concrete_specification": "one rule",
    }

    def _spec(self, ctx: Ctx, ref: ClassRef) -> tuple[str, list[ClassRef]] | None:
        key = ("spec", ref.key)
        if key in ctx._cache:
            return ctx._cache[key]  # type: ignore[no-any-return]
        result = None
        family = {d.key: d for d in ctx.descendants(ref)}
        combinators = [
            (m, r)
            for m in ref.cls.methods.values()
            for r in ctx.returned_classes(m, ref.module)
            if r.key in family and (m.name in _COMBINATORS or ("self" in str(m.calls) and m.params))
        ]
        for pred in ref.cls.methods.values():
            if len(pred.params) != 1 or pred.name.startswith("__"):
                continue
            composites = [r for _, r in combinators if any(pred.name in c.methods for c in ctx.collabs(r).values())]
            if composites:
                result = (pred.name, composites)
                break
        ctx._cache[key] = result
        return result

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        for ref in ctx.classes():
            found = self._spec(ctx, ref)
            if found:
                yield ctx.det(
                    ref,
                    self.id,
                    "specification",
                    0.9,
                    [
                        (
                            ref.cls.methods[found[0]].selection.line,
                            f"`{found[0]}` is the predicate; combinators build composites",
                        )
                    ],
                    [(c, "composite_specification") for c in found[1]],
                )
                continue
            for anc in ctx.ancestors(ref):
                found = self._spec(ctx, anc)
                if not found:
                    continue
                role = "composite_specification" if ref in found[1] else "concrete_specification"
                m = ref.cls.methods.get(found[0])
                if m is None:
                    break
                yield ctx.det(
                    ref,
                    self.id,
                    role,
                    0.85,
                    [
                        (
                            m.selection.line,
                            "combines other specifications"
                            if role.startswith("composite")
                            else f"`{found[0]}` states one rule",
                        )
                    ],
                    [(anc, "specification")],
                )
                break
