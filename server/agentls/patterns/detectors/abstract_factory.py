from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.model import Detection
from agentls.patterns.registry import Detector, register
from agentls.patterns.workspace import ClassRef


@register
class AbstractFactory(Detector):
    """Provides an interface for creating *families* of related objects, with one concrete
    factory per family, so a client can switch whole families (light and dark widgets, say) at one
    point and never mixes products of different families. Adding a new *kind* of product means
    changing every factory.

    ## Roles
    - `abstract_factory`: the interface with two or more creation methods.
    - `concrete_factory`: an implementation creating one family.
    - `product`: a class a concrete factory creates.

    ## How it is detected
    An abstract class (or a base that subclasses override) with at least two methods that at
    least two concrete subclasses override, each override returning a new instance of a class
    of the workspace.

    Every class a concrete factory creates is a `product`, and so are the product interfaces
    those classes implement.
    """

    id = "abstract_factory"
    category = "creational"
    roles: ClassVar[dict[str, str]] = {
        "abstract_factory": "interface for creating a family",
        "concrete_factory": "creates one family",
        "product": "a created class",
    }

    def _families(self, ctx: Ctx, base: ClassRef) -> list[tuple[ClassRef, list[tuple[str, ClassRef]]]] | None:
        creation = [n for n in base.cls.methods if not n.startswith("_")]
        if len(creation) < 2 or not (base.cls.is_interface or all(base.cls.methods[n].is_stub for n in creation)):
            return None
        families = []
        for sub in ctx.concrete(base):
            made = []
            for name in creation:
                m = sub.cls.methods.get(name)
                products = ctx.returned_classes(m, sub.module) if m else []
                if products:
                    made.append((name, products[0]))
            if len(made) >= 2:
                families.append((sub, made))
        return families if len(families) >= 2 else None

    def _products(self, ctx: Ctx) -> dict[str, ClassRef]:
        """Classes a concrete factory creates, and the product interfaces they implement."""
        if "af_products" in ctx._cache:
            return ctx._cache["af_products"]  # type: ignore[no-any-return]
        out: dict[str, ClassRef] = {}
        for base in ctx.ws.all_classes():
            for factory, made in self._families(ctx, base) or []:
                for _, p in made:
                    out.setdefault(p.key, factory)
                    for a in ctx.ancestors(p):
                        out.setdefault(a.key, factory)
        ctx._cache["af_products"] = out
        return out

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        products = self._products(ctx)
        for ref in ctx.classes():
            if ref.key in products:
                factory = products[ref.key]
                yield ctx.det(
                    ref,
                    self.id,
                    "product",
                    0.8,
                    [
                        (
                            ref.cls.selection.line,
                            f"made by the concrete factory `{factory.cls.name}` (or implemented by what it makes)",
                        )
                    ],
                    [(factory, "concrete_factory")],
                )
            fams = self._families(ctx, ref)
            if fams:
                yield ctx.det(
                    ref,
                    self.id,
                    "abstract_factory",
                    0.9,
                    [(ref.cls.selection.line, f"{len(fams)} implementations each create a family of products")],
                    [(f, "concrete_factory") for f, _ in fams],
                )
            for base in ctx.interface_ancestors(ref) or ctx.ancestors(ref):
                fams = self._families(ctx, base) or []
                for f, made in fams:
                    if f == ref:
                        ev = [(ref.cls.methods[n].selection.line, f"`{n}` creates `{p.cls.name}`") for n, p in made]
                        yield ctx.det(
                            ref,
                            self.id,
                            "concrete_factory",
                            0.9,
                            ev,
                            [(base, "abstract_factory"), *((p, "product") for _, p in made)],
                        )
