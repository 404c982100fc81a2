"""Builder forms beside the fluent one: a builder assembling a product object it holds, and
builders that only a director reveals (steps with no arguments filling in a product the
builder created, run in order by a director that then takes the product off the builder:
`self.builder.make_wheels(); ...; return self.builder.vehicle`)."""

from __future__ import annotations

from dataclasses import dataclass

from agentls.patterns.context import Ctx, per_workspace
from agentls.patterns.facts import FunctionFacts
from agentls.patterns.workspace import ClassRef

_ADDS = frozenset({"append", "add", "extend", "insert", "setitem", "update", "appendleft"})


@dataclass
class Directed:
    director: ClassRef
    method: FunctionFacts
    builders: list[ClassRef]  # the interface declaring the steps, then the implementations
    products: list[ClassRef]


def _records(m: FunctionFacts) -> bool:
    """A step: changes the builder's own state (or the object it assembles), answers nothing."""
    own = bool(m.self_writes) or any(s.receiver.startswith("self.") for s in m.attr_stores)
    return own and all(v == "none" for v in m.returns) and not m.yields


@per_workspace
def directed_builders(ctx: Ctx) -> dict[str, Directed]:
    """Class key -> what it takes part in, for directors and the builders they drive."""
    out: dict[str, Directed] = {}
    by_method: dict[str, list[ClassRef]] | None = None
    for ref in ctx.ws.all_classes():
        for m in ref.cls.methods.values():
            if m.name.startswith("_") or len(m.calls) < 2:
                continue
            by_attr: dict[str, set[str]] = {}
            for c in m.calls:
                if c.receiver.startswith("self.") and "." not in c.receiver[5:] and not c.args:
                    by_attr.setdefault(c.receiver[5:], set()).add(c.method)
            for attr, called in by_attr.items():
                taken = [v for v in m.returns if v.startswith(f"attr:self.{attr}.")]
                if len(called) < 2 or not taken:
                    continue
                if by_method is None:
                    by_method = ctx.by_method(public=False)
                first = sorted(called)[0]
                defining = [r for r in by_method.get(first, []) if called <= set(ctx.all_methods(r)) and r != ref]
                declared = [r for r in defining if r.cls.is_interface]
                impls = [
                    r
                    for r in defining
                    if not r.cls.is_interface and all(_records(ctx.all_methods(r)[n]) for n in called)
                ]
                if len(impls) < 2 and not (impls and declared):
                    continue
                part = taken[0][len(f"attr:self.{attr}.") :].partition(".")[0]
                products: list[ClassRef] = []
                for i in impls:
                    for f in ctx.all_methods(i).values():
                        for v in f.self_writes.get(part, []):
                            p = ctx.resolve(v[5:], i.module) if v.startswith("call:") else None
                            if p is not None and p not in products and p not in impls:
                                products.append(p)
                found = Directed(ref, m, [*declared, *impls], products)
                out.setdefault(ref.key, found)
                for b in found.builders:
                    out.setdefault(b.key, found)
                for p in products:
                    out.setdefault(p.key, found)
    return out


@per_workspace
def held_product(ctx: Ctx, ref: ClassRef) -> tuple[list[str], FunctionFacts, list[ClassRef]] | None:
    """A builder assembling a product object it holds: it creates the product into an
    attribute (`self.house = House()`), two or more steps change that object
    (`self.house.doors = n`, `self._product.add(part)`), and a method hands it out."""
    out = None
    created: dict[str, list[ClassRef]] = {}
    # Inherited too: a hierarchy of builders sharing the product its base creates.
    methods = ctx.all_methods(ref) if ref.cls.bases else ref.cls.methods
    for m in methods.values():
        for attr, values in m.self_writes.items():
            for v in values:
                r = ctx.resolve(v[5:], ref.module) if v.startswith("call:") else None
                if r is not None and r != ref and not r.cls.is_interface:
                    created.setdefault(attr, []).append(r)
    for attr, made in created.items():
        inside = f"self.{attr}"

        def on_product(m: FunctionFacts, inside: str = inside) -> bool:
            return any(s.receiver == inside or s.receiver.startswith(f"{inside}.") for s in m.attr_stores) or any(
                (op.container == inside or op.container.startswith(f"{inside}.")) and op.op in _ADDS
                for op in m.container_ops
            )

        steps = [n for n, m in methods.items() if not n.startswith("_") and on_product(m)]
        steps = [n for n in steps if not any(v == f"attr:{inside}" for v in methods[n].returns)]
        result = None
        for m in methods.values():
            required = any(not p.has_default for p in m.params)
            if (m.name.startswith("_") and m.name != "__str__") or required or m.name in steps:
                continue
            hands_out = f"attr:{inside}" in m.returns or (
                attr in m.self_reads and any(v.startswith("name:") for v in m.returns)
            )
            # A text builder hands out the rendering of what it assembled.
            hands_out = hands_out or (m.name == "__str__" and attr in m.self_reads)
            if hands_out:
                result = m
                break
        public = [n for n in methods if not n.startswith("_")]
        # Assembling is what the class is for, not one of many things a big class does.
        if len(steps) >= 2 and result is not None and len(steps) * 3 >= len(public):
            out = (steps, result, made)
            break
    return out
