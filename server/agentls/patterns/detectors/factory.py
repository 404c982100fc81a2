from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx, Ev, Target
from agentls.patterns.facts import FunctionFacts
from agentls.patterns.model import Detection
from agentls.patterns.registry import Detector, register
from agentls.patterns.workspace import ClassRef


@register
class Factory(Detector):
    """Puts the decision of *which* class to instantiate in one place, so callers ask for a
    product by kind and depend only on its common interface. New products need only the factory
    changed; the cost is one more indirection, and a factory that grows a long `if` chain or
    table becomes a place every change must touch. Covers simple factories (a function or
    method choosing among classes) and the GoF factory method (subclasses decide the class).

    ## Roles
    - `factory`: a function or method that returns one of several classes chosen by argument.
    - `creator`: a class whose method calls an overridable creation method.
    - `concrete_creator`: a subclass that overrides the creation method.
    - `product`: a class the factory creates.

    ## How it is detected
    - A function or method whose `return` statements instantiate two or more different classes
      of the workspace, behind a branch, with at least two thirds of its `return`s being such
      instantiations and no more decisions than choosing among them needs (cyclomatic
      complexity at most twice the number of products plus two: a long request handler that
      sometimes redirects is not a factory); or that instantiates the value found in a dict of
      classes keyed by its argument (`return SHAPES[kind](...)`).
    - Factory method: a method declared in a base class (abstract or overridden) that two or
      more subclasses override, each returning an instance of a different class (not `self`,
      nor a wrapper around `self`), and that another method of the base calls on `self`.

    Every class a detected factory or factory method creates is a `product` (0.75), and so is
    the base class all of one factory's products share (the product interface).
    """

    id = "factory"
    category = "creational"
    roles: ClassVar[dict[str, str]] = {
        "factory": "chooses and creates a product",
        "creator": "calls an overridable creation method",
        "concrete_creator": "overrides the creation method",
        "product": "a created class",
    }

    def _simple(self, ctx: Ctx, fn: FunctionFacts) -> tuple[list[Ev], list[ClassRef]] | None:
        if fn.name.startswith("__") or fn.kind == "property":
            return None
        products = [r for r in ctx.returned_classes(fn) if r.cls.name != fn.qualname.split(".")[0]]
        made = sum(1 for v in fn.returns if v.startswith("call:") and ctx.resolve(v[5:]) is not None)
        # A factory's answers are its products; a function that mostly returns other things
        # (a request handler that sometimes redirects) only happens to construct some.
        choosing = 1 < fn.complexity <= 2 * len(products) + 2  # its decisions pick the class
        if len(products) >= 2 and choosing and made * 3 >= len(fn.returns) * 2:
            return [(fn.selection.line, f"returns one of {len(products)} classes depending on its input")], products
        for value in fn.returns:
            if value.startswith("call:") and value.endswith("[]"):
                table = value[5:-2].removeprefix("self.").removeprefix("cls.")
                entries = ctx.index.dicts.get(table) or []
                classes = [r for r in (ctx.resolve(v) for e in entries for v in e.values) if r]
                if len(classes) >= 2:
                    return [(fn.selection.line, f"instantiates the class found in `{table}` for its argument")], classes
        return None

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        for fn in ctx.index.all_functions():
            found = self._simple(ctx, fn)
            if found:
                yield ctx.det(fn, self.id, "factory", 0.85, found[0], [(p, "product") for p in found[1]])
        products = self._products(ctx)
        for ref in ctx.classes():
            yield from self._factory_method(ctx, ref)
            maker = products.get(ref.key)
            if maker is not None:
                where, made_by, path = maker
                # A factory function elsewhere cannot be placed from here: named in the evidence.
                parts = [(made_by, "factory")] if path == ctx.index.path or isinstance(made_by, ClassRef) else []
                yield ctx.det(ref, self.id, "product", 0.75, [(ref.cls.selection.line, where)], parts)

    def _products(self, ctx: Ctx) -> dict[str, tuple[str, Target, str]]:
        """Every class some factory of the workspace creates, and the base they share."""
        if "factory_products" in ctx._cache:
            return ctx._cache["factory_products"]  # type: ignore[no-any-return]
        out: dict[str, tuple[str, Target, str]] = {}

        def add(made: list[ClassRef], by: Target, name: str, path: str) -> None:
            for p in made:
                out.setdefault(p.key, (f"created by `{name}`", by, path))
            shared = set.intersection(*({a.key for a in ctx.ancestors(p)} for p in made)) if len(made) >= 2 else set()
            for p in made:
                for a in ctx.ancestors(p):
                    if a.key in shared:
                        out.setdefault(a.key, (f"the interface of what `{name}` creates", by, path))

        for module in ctx.ws.modules():
            other = Ctx(module, ctx.ws, ctx.settings)
            for fn in module.all_functions():
                found = self._simple(other, fn)
                if found:
                    add(found[1], fn, fn.qualname, module.path)
            for ref in other.classes():
                for name, subs in self._creation_methods(ctx, ref).items():
                    add([p for _, p in subs], ref, f"{ref.cls.name}.{name}", module.path)
        ctx._cache["factory_products"] = out
        return out

    def _factory_method(self, ctx: Ctx, ref: ClassRef) -> Iterator[Detection]:
        creators = self._creation_methods(ctx, ref)
        if len(creators) == 1:
            name, subs = next(iter(creators.items()))
            users = [m for m in ref.cls.methods.values() if name in m.self_calls]
            if users:
                ev: list[Ev] = [
                    (users[0].selection.line, f"`{users[0].name}` calls `self.{name}()`, which subclasses override")
                ]
                yield ctx.det(ref, self.id, "creator", 0.85, ev, [(s, "concrete_creator") for s, _ in subs])
        for base in ctx.ancestors(ref):
            for name, subs in self._creation_methods(ctx, base).items():
                for sub, product in subs:
                    if sub == ref and any(name in m.self_calls for m in base.cls.methods.values()):
                        line = ref.cls.methods[name].selection.line
                        yield ctx.det(
                            ref,
                            self.id,
                            "concrete_creator",
                            0.85,
                            [(line, f"overrides `{name}` to create `{product.cls.name}`")],
                            [(base, "creator"), (product, "product")],
                        )

    def _creation_methods(self, ctx: Ctx, base: ClassRef) -> dict[str, list[tuple[ClassRef, ClassRef]]]:
        key = ("creation", base.key)
        if key not in ctx._cache:
            ctx._cache[key] = self._compute_creation(ctx, base)
        return ctx._cache[key]  # type: ignore[no-any-return]

    def _compute_creation(self, ctx: Ctx, base: ClassRef) -> dict[str, list[tuple[ClassRef, ClassRef]]]:
        out: dict[str, list[tuple[ClassRef, ClassRef]]] = {}
        subs = ctx.descendants(base)
        if len(subs) < 2:
            return out
        for name in base.cls.methods:
            if name.startswith("__"):
                continue
            made = []
            for s in subs:
                m = s.cls.methods.get(name)
                if m is not None and ("self" in m.returns or any("self" in c.args for c in m.calls)):
                    continue  # returning or wrapping itself (`Grouping(self)`) is not creating
                products = ctx.returned_classes(m, s.module) if m else []
                if products:
                    made.append((s, products[0]))
            if len(made) >= 2 and len({p.key for _, p in made}) >= 2:
                out[name] = made
        if len(out) > 1:
            return {}  # several creation methods per family: that is an abstract factory
        return out
