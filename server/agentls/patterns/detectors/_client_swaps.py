"""Objects whose held part a client replaces by assigning its attribute from outside
(`duck = MallardDuck(Quack()); duck.fly_behaviour = FlyRocketPowered()`): the object is
configured at run time with one implementation after another, as through a setter."""

from __future__ import annotations

from agentls.patterns.context import Ctx, per_workspace
from agentls.patterns.detectors._passed import made_class
from agentls.patterns.test_code import is_test_module
from agentls.patterns.workspace import ClassRef


@per_workspace
def _client_stores(ctx: Ctx) -> dict[str, set[str]]:
    """Attribute name -> keys of the classes whose instances a function assigns it on: a local
    made from the class in that function (`duck = RubberDuck(...)`) given an object or a
    name (`duck.fly_behaviour = FlyNoWay()`), not a constant (`duck.name = "x"`, `= None`).
    What tests assign (a double put in place) does not count."""
    out: dict[str, set[str]] = {}
    for module in ctx.ws.modules():
        if is_test_module(module):
            continue
        for fn in module.units():
            for st in fn.attr_stores:
                if st.value[:5] not in ("call:", "name:"):
                    continue
                made = made_class(ctx, module, fn, st.receiver)
                if made is not None:
                    out.setdefault(st.attr, set()).add(made.key)
    return out


def swapped_by_clients(ctx: Ctx, holder: ClassRef) -> bool:
    """A client assigns, on an object it made of ``holder`` or of one of its subclasses, an
    attribute in which ``holder`` keeps an object it was handed and calls."""
    stores = _client_stores(ctx)
    kinds = {holder.key, *(d.key for d in ctx.descendants(holder))}
    return any(c.from_param and c.methods and kinds & stores.get(c.attr, set()) for c in ctx.collabs(holder).values())
