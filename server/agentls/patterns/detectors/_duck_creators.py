"""Factory methods with no written creator interface (duck typing).

`send(factory)` calling `factory.create()` on what it is handed, and the program handing it an
`EmailFactory()` here and an `SmsFactory()` there, each answering `create()` with a new object
of its own product class: the creators are implied by what the function calls and what it is
handed. Only classes seen handed (made in place, a module variable, or a local made before in
the same function, outside tests) count, two distinct ones at least, sharing no base defining
the method; a function asking it for several things is an abstract factory's client; a shared
method name alone proves nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from agentls.patterns.context import Ctx, per_workspace
from agentls.patterns.detectors import _creational as cr
from agentls.patterns.detectors._duck import instance_made
from agentls.patterns.facts import FunctionFacts, ModuleIndex
from agentls.patterns.test_code import is_test_module
from agentls.patterns.workspace import ClassRef


@dataclass
class Creator:
    method: str
    product: ClassRef
    user: str  # `send_notification`
    site: str  # `send_notification(EmailFactory())` (path:line)


@per_workspace
def implied_creators(ctx: Ctx) -> dict[str, Creator]:
    """Creator class key -> what it makes, for every function handed two or more classes
    whose same-named method it calls answers with a new object of a class of their own."""
    users: dict[str, list[tuple[int, set[str], FunctionFacts, ModuleIndex]]] = {}
    modules = [m for m in ctx.ws.modules() if not is_test_module(m)]
    for module in modules:
        for fn in module.functions.values():
            for i, p in enumerate(fn.params):
                if p.has_default or p.name.startswith("*"):
                    break
                called = {c.method for c in fn.calls if c.receiver == p.name and not c.args}
                # One request of what it is handed: asking it for several products is an
                # abstract factory's client.
                if len(called) == 1 and not ctx.annotation_refs(p.annotation, module):
                    users.setdefault(fn.name, []).append((i, called, fn, module))
    handed: dict[tuple[int, str], list[tuple[ClassRef, str]]] = {}
    for module in modules if users else ():
        for unit in module.units():
            if unit.name.startswith("test"):
                continue
            # The classes it makes, resolved only when a call hands a local over: most units
            # call no such function (a fifth of the factory detector over Django + SQLAlchemy).
            made: list[tuple[int, ClassRef]] | None = None
            for call in unit.calls:
                for i, called, fn, home in users.get(call.func, ()):
                    if i >= len(call.args) or (module is not home and call.func not in module.import_map):
                        continue  # a function of that name the caller cannot see
                    v = call.args[i]
                    ref = instance_made(ctx, module, v)
                    if ref is None and v.startswith("name:") and v[5:] not in module.assigns:
                        if made is None:
                            made = sorted(((c.line, r) for c, r in ctx.instantiations(unit, module)), key=_first)
                        before = [r for at, r in made if at < call.line and called & set(ctx.all_methods(r))]
                        ref = before[-1] if before else None
                    if ref is not None:
                        where = f"`{fn.name}({ref.cls.name}())` hands it over ({module.path}:{call.line + 1})"
                        for n in called:
                            handed.setdefault((id(fn), n), []).append((ref, where))
    out: dict[str, Creator] = {}
    for (_, name), sites in handed.items():
        _judge(ctx, name, sites, out)
    return out


def _first(pair: tuple[int, ClassRef]) -> int:
    return pair[0]


def _judge(ctx: Ctx, name: str, sites: list[tuple[ClassRef, str]], out: dict[str, Creator]) -> None:
    creators = {r.key: (r, where) for r, where in reversed(sites)}
    makes: dict[str, ClassRef] = {}
    for key, (r, _) in creators.items():
        m = ctx.all_methods(r).get(name)
        kin = {r.key, *(a.key for a in ctx.ancestors(r))}
        products = [p for p in ctx.returned_classes(m, r.module) if p.key not in kin] if m is not None else []
        if m is None or m.params or len(products) != 1:
            return
        makes[key] = products[0]
    if len(makes) < 2 or len({p.key for p in makes.values()}) < 2:
        return
    refs = [r for r, _ in creators.values()]
    shared = set.intersection(*({a.key for a in ctx.ancestors(r)} for r in refs))
    if any(name in a.cls.methods for a in ctx.ancestors(refs[0]) if a.key in shared):
        return  # a written creator base: judged by it
    user = sites[0][1].split("(")[0].strip("`")
    for key, (_, where) in creators.items():
        out.setdefault(key, Creator(name, makes[key], user, where))


def implied_products(ctx: Ctx) -> dict[str, tuple[str, ClassRef, str]]:
    """What the implied creators make, and the base those of one function's creators share:
    product key -> (how it is made, its creator, the creator's path)."""
    by_user: dict[str, list[tuple[ClassRef, ClassRef, str]]] = {}
    for key, c in implied_creators(ctx).items():
        by_user.setdefault(f"{c.user}.{c.method}", []).append((ctx.ws.derived.by_key[key], c.product, c.method))
    out: dict[str, tuple[str, ClassRef, str]] = {}
    for made_by in by_user.values():
        for creator, product, name in made_by:
            out.setdefault(product.key, (f"created by `{creator.cls.name}.{name}`", creator, creator.module.path))
        first, _, name = made_by[0]
        for a in cr.shared_bases(ctx, [p for _, p, _ in made_by]):
            out.setdefault(a.key, (f"the interface of what `{name}` creates", first, first.module.path))
    return out
