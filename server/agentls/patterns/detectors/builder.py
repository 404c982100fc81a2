from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.facts import FunctionFacts
from agentls.patterns.model import Detection
from agentls.patterns.registry import Detector, register
from agentls.patterns.workspace import ClassRef


def _is_step(m: FunctionFacts) -> bool:
    """A method that records part of the product in the builder's state."""
    changes_state = bool(m.self_writes) or any(op.container.startswith("self.") for op in m.container_ops)
    changes_state = changes_state or any(s.receiver.startswith("self.") for s in m.attr_stores)
    return changes_state and not m.name.startswith("__") and bool(m.params)


def _parts(m: FunctionFacts) -> set[str]:
    """The ``self`` attributes a step records."""
    out = set(m.self_writes)
    out |= {op.container.removeprefix("self.").split(".")[0].rstrip("[]") for op in m.container_ops}
    out |= {s.receiver.removeprefix("self.").split(".")[0] for s in m.attr_stores if s.receiver.startswith("self.")}
    return out


@register
class Builder(Detector):
    """Separates the step-by-step construction of a complex object from its representation:
    callers set the parts they need (often fluently, `b.with_x(1).with_y(2).build()`), then
    ask for the finished product. It avoids telescoping constructors and half-built objects, at
    the cost of an extra class that must stay in step with the product.

    ## Roles
    - `builder`: accumulates the parts and produces the product.
    - `director`: drives a builder through a fixed sequence of steps.
    - `product`: the class the builder produces.

    ## How it is detected
    A class with at least two methods that record a part in its own state and return `self`
    (a fluent builder), or at least two such steps that a director class calls on a held
    builder, and a public method without required parameters that returns a new instance of
    another class (the product) made from two or more of the recorded parts (not wrapping
    `self` itself). A fluent class without such a product method
    (a generative query or statement that is its own result, a cursor returning `self` for
    chaining) is not a builder; one that merely hands back an attribute it assembled is
    reported below the default threshold (0.45).
    """

    id = "builder"
    category = "creational"
    roles: ClassVar[dict[str, str]] = {
        "builder": "accumulates parts, produces the product",
        "director": "drives the steps",
        "product": "what is built",
    }

    def _builder(self, ctx: Ctx, ref: ClassRef) -> tuple[list[FunctionFacts], FunctionFacts, list[ClassRef]] | None:
        own_steps = sum(1 for m in ref.cls.methods.values() if m.params and (m.self_writes or m.container_ops))
        if own_steps < 2 and not (own_steps and ref.cls.bases):
            return None  # cheap exit before resolving the hierarchy
        methods = ctx.all_methods(ref)
        # Inherited methods are asked about once per subclass: memoised by identity (the
        # method is kept with its answer, so a reused id is not mistaken for it).
        memo: dict[int, tuple[FunctionFacts, bool]] = ctx._cache.setdefault("builder_steps", {})
        steps = []
        for m in methods.values():
            hit = memo.get(id(m))
            if hit is None or hit[0] is not m:
                hit = memo[id(m)] = (m, _is_step(m))
            if hit[1]:
                steps.append(m)
        if len(steps) < 2:
            return None
        parts = set().union(*(_parts(s) for s in steps))
        products: list[ClassRef] = []
        result = None
        step_ids = {id(s) for s in steps}  # identity: FunctionFacts compare field by field
        for m in methods.values():
            if m.name.startswith("_") or id(m) in step_ids or m.kind == "property":
                continue
            made = [r for r in ctx.returned_classes(m) if r != ref]
            # build() needs nothing more from the caller and copies the parts out; wrapping
            # `self` into another object (`Grouping(self)`) is not producing a product.
            required = any(not p.has_default for p in m.params)
            wraps_self = any("self" in c.args for c in m.calls)
            if made and len(m.self_reads & parts) >= 2 and not required and not wraps_self:
                result, products = m, made
                break
            assembled = any(v.startswith("attr:self.") for v in m.returns) and not m.params
            if assembled and result is None:
                result = m
        if result is None:
            return None
        fluent = [s for s in steps if "self" in s.returns]
        if len(fluent) < 2 and not products:
            return None  # neither a fluent interface nor a product: just a stateful class
        return steps, result, products

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        for ref in ctx.classes():
            found = self._builder(ctx, ref)
            if found:
                steps, result, products = found
                fluent = [s for s in steps if "self" in s.returns]
                directors = [h for h, c in ctx.holders(ref) if len(set(c.methods) & {s.name for s in steps}) >= 2]
                if len(fluent) >= 2 or (directors and products):
                    ev = (
                        [(fluent[0].selection.line, f"`{fluent[0].name}` records a part and returns `self`")]
                        if fluent
                        else []
                    )
                    ev.append((result.selection.line, f"`{result.name}` produces the result"))
                    yield ctx.det(
                        ref,
                        self.id,
                        "builder",
                        (0.85 if fluent else 0.8) if products else 0.45,
                        ev,
                        [*((p, "product") for p in products), *((d, "director") for d in directors)],
                    )
            for attr, c in ctx.collabs(ref).items():
                for t in c.types:
                    built = self._builder(ctx, t)
                    if built and built[2] and len(set(c.methods) & {s.name for s in built[0]}) >= 2 and t != ref:
                        yield ctx.det(
                            ref,
                            self.id,
                            "director",
                            0.75,
                            [(c.line, f"drives the builder in `self.{attr}` step by step")],
                            [(t, "builder")],
                        )
                        break
