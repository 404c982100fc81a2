"""What a repository stores: the parameter a stored row is made from (`asdict(order)`,
`order.to_dict()`, a dict filled from its fields), and whether the object stored is of the
storing class's own kind (a tree node keeping its children, no collection)."""

from __future__ import annotations

from agentls.patterns.context import Ctx
from agentls.patterns.detectors._gateways import _SCALARS
from agentls.patterns.facts import FunctionFacts
from agentls.patterns.workspace import ClassRef


def serialised(m: FunctionFacts, value: str, depth: int = 0) -> str | None:
    """The parameter a stored row is made from: `asdict(order)`, `mapper.to_row(order)`,
    `order.to_dict()`, `json.dumps(order.to_dict())`, or a dict literal (or a local) filled
    from two or more of its fields (`{"id": user.id, "name": user.name}`): a repository
    keeping its objects as rows. A key (`order_id`, a `str`) is no object."""
    params = [
        p.name
        for p in m.params
        if p.name not in ("self", "cls") and p.annotation not in _SCALARS and not _key_name(p.name)
    ]
    if value.startswith("name:"):
        local = value[5:]
        value = f"call:{m.call_locals[local]}" if m.call_locals.get(local) else "dict"
    if value.startswith("call:"):
        func = value[5:]
        head = func.split(".")[0]
        if head in params and "." in func:
            return head  # `order.to_dict()`
        args = [a for c in m.calls if c.func == func for a in c.args]
        made = [a[6:] for a in args if a.startswith("param:") and a[6:] in params]
        # one call deeper: `json.dumps(order.to_dict())`
        deeper = [s for a in args if depth == 0 and a.startswith("call:") and (s := serialised(m, a, 1))]
        found = made or deeper
        return found[0] if found else None
    if value == "dict":
        filled = [p for p in params if sum(1 for r in m.foreign_reads if r.startswith(f"{p}.")) >= 2]
        return filled[0] if len(filled) == 1 else None
    return None


def _key_name(name: str) -> bool:
    """`id`, `key`, `order_id`: a parameter naming a key."""
    n = name.lower()
    return n in ("id", "pk", "key", "uuid", "name") or n.endswith(("_id", "_key", "_uuid"))


def own_kind(ctx: Ctx, ref: ClassRef, m: FunctionFacts, arg: str) -> bool:
    """The object stored is annotated as the class itself or one of its bases (`add(self,
    component: Component)` in a `Component`): a tree node keeping its children, not a
    collection of domain objects."""
    p = m.param(arg[6:]) if arg.startswith("param:") else None
    kinds = ctx.annotation_refs(p.annotation, ref.module) if p is not None and p.annotation else []
    return bool(kinds) and all(k == ref or k in ctx.ancestors(ref) for k in kinds)
