"""The methods of a family's base whose subclasses create different products: a creation
method each subclass overrides (factory method), or one making the class a class attribute
names, which subclasses replace."""

from __future__ import annotations

from agentls.patterns.context import Ctx, per_workspace
from agentls.patterns.detectors import _creational as cr
from agentls.patterns.detectors._basics import memo
from agentls.patterns.detectors._shared import is_test_file
from agentls.patterns.workspace import ClassRef


def declared(base: ClassRef, name: str) -> bool:
    """The base declares the creation method for subclasses to fill in (abstract or empty)."""
    m = base.cls.methods.get(name)
    return m is not None and (m.abstract or m.is_stub)


def creation_methods(ctx: Ctx, base: ClassRef) -> dict[str, list[tuple[ClassRef, ClassRef]]]:
    return memo(ctx, "creation", base, lambda: _compute_creation(ctx, base))


def _compute_creation(ctx: Ctx, base: ClassRef) -> dict[str, list[tuple[ClassRef, ClassRef]]]:
    out: dict[str, list[tuple[ClassRef, ClassRef]]] = {}
    subs = ctx.descendants(base)
    if not subs or is_test_file(base.module):
        return out  # a test mixin's hook making what its test cases need is not labelled
    kin = {base.key, *(s.key for s in subs), *(a.key for a in ctx.ancestors(base))}
    for name in base.cls.methods:
        if name.startswith("__"):
            continue
        made = []
        kinds: list[frozenset[str]] = []
        for s in subs:
            m = s.cls.methods.get(name)
            if m is None or "self" in m.returns:
                continue
            # Not the base's own kind (a state returning the next state) nor a conversion
            # of what it is given (`to_entity(row)`, a mapper).
            returned = ctx.returned_classes(m, s.module) or cr.through_local(ctx, m, s.module)
            products = [p for p in returned if p.key not in kin and not cr.converts(m)]
            # Wrapping itself (`Grouping(self)`) is not creating; handing itself to the new
            # object as a back-reference (`Cursor(self.connection, self)`) still is.
            if products and not any(
                c.args[:1] == ("self",)
                and c.func.removesuffix("()") in {v[5:] for v in m.returns if v.startswith("call:")}
                for c in m.calls
            ):
                made.append((s, products[0]))
                kinds.append(frozenset(p.key for p in products))
        # The subclasses make different things (not all the same set of classes), or each
        # chooses among two or more (a parameterized factory method: two pizza stores making
        # the same four pizzas, each handing them its own ingredient factory).
        if len(made) >= 2 and (len(set(kinds)) >= 2 or parameterized(kinds)):
            out[name] = made
        # One override answering a new object on every path, over a default product (a
        # preparation hook sometimes wrapping its value, `return Cast(...)` or `super()`'s,
        # is none).
        elif (
            len(made) == 1
            and _only_new(made[0][0].cls.methods[name].returns)
            and (default := _default_product(ctx, base, name, kin)) not in (None, made[0][1])
        ):
            out[name] = [(base, default), *made]
        # One override choosing among two or more classes, of a method the base declares for
        # subclasses and calls on self (`order_pizza` running `self._create_pizza(item)` and
        # preparing what it answers): the GoF creator with its first concrete creator.
        elif len(made) == 1 and parameterized(kinds) and declared(base, name) and _called_by_base(base, name):
            out[name] = made
    if len(out) > 1:
        return {}  # several creation methods per family: that is an abstract factory
    return out


def _called_by_base(base: ClassRef, name: str) -> bool:
    """Another method of the base calls ``name`` on self."""
    return any(name in c.self_calls for n, c in base.cls.methods.items() if n != name)


def _default_product(ctx: Ctx, base: ClassRef, name: str, kin: set[str]) -> ClassRef | None:
    """The one class a base's own creation method makes by default, when another method of
    the base calls it on self (`operation()` using `self.factory_method()`): one subclass
    overriding it with another product is a factory method with a default product."""
    m = base.cls.methods.get(name)
    if m is None or m.abstract or m.is_stub or cr.converts(m):
        return None
    if not _called_by_base(base, name):
        return None
    made = [p for p in ctx.returned_classes(m, base.module) if p.key not in kin]
    return made[0] if len(made) == 1 and _only_new(m.returns) else None


def _only_new(returns: list[str]) -> bool:
    """Every `return` answers a new object (`return Button()`), nothing else."""
    return bool(returns) and all(v.startswith("call:") and not v.startswith("call:super()") for v in returns)


def parameterized(kinds: list[frozenset[str]]) -> bool:
    """Every override chooses among two or more classes (by its argument)."""
    return all(len(k) >= 2 for k in kinds)


@per_workspace
def attribute_methods(ctx: Ctx, base: ClassRef) -> dict[str, tuple[str, list[ClassRef], list[ClassRef]]]:
    """{method: (attribute, products, overriding subclasses)} for the methods of ``base``
    returning a new `cls.<attr>(...)` whose class subclasses replace, called by the base."""
    out: dict[str, tuple[str, list[ClassRef], list[ClassRef]]] = {}
    cls = base.cls
    attrs = {a: v[5:] for a, v in cls.class_attrs.items() if v.startswith("name:")}
    if attrs:
        for name, m in cls.methods.items():
            if name.startswith("__"):
                continue
            for value in m.returns:
                head, _, attr = value.removeprefix("call:").partition(".")
                if not value.startswith("call:") or head not in ("cls", "self") or attr not in attrs:
                    continue
                first = ctx.resolve(attrs[attr], base.module)
                if first is None:
                    continue
                made, overriding = [first], []
                for d in ctx.descendants(base):
                    v = d.cls.class_attrs.get(attr, "")
                    r = ctx.resolve(v[5:], d.module) if v.startswith("name:") else None
                    if r is not None:
                        overriding.append(d)
                        if r not in made:
                            made.append(r)
                callers = [
                    c
                    for n, c in cls.methods.items()
                    if n != name and any(k.method == name and k.receiver in ("self", "cls") for k in c.calls)
                ]
                if len(made) >= 2 and callers:
                    out[name] = (attr, made, overriding)
                    break
    return out
