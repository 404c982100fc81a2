"""Which parameter of a class's constructor (or of a setter) ends in one of its attributes:
where a caller hands the object the class keeps there."""

from __future__ import annotations

from agentls.patterns.context import Ctx
from agentls.patterns.facts import FunctionFacts
from agentls.patterns.workspace import ClassRef


def writes_param(fn: FunctionFacts | None, attr: str, how: str = "param:") -> int:
    """The position of the parameter ``fn`` stores in ``self.<attr>``, or -1 (with ``how``
    "call:", the parameter it calls to make what it stores there). Only a required parameter
    after required ones: the index records keyword arguments after the positional ones, by
    position, so an optional parameter's place in a call says nothing
    (`Panel(text, style=background)`)."""
    if fn is None:
        return -1
    for v in fn.self_writes.get(attr, ()):
        if v.startswith(how):
            for i, p in enumerate(fn.params):
                if p.has_default or p.name.startswith("*"):
                    return -1
                if p.name == v[len(how) :]:
                    return i
    return -1


def init_position(ctx: Ctx, target: ClassRef, attr: str, depth: int = 0) -> int:
    """The position of the constructor parameter of ``target`` that ends in ``self.<attr>``,
    written there or handed on to the base's constructor (`super().__init__(renderer)`)."""
    owner = next((c for c in [target, *ctx.ancestors(target)] if "__init__" in c.cls.methods), None)
    if owner is None:
        return -1
    init = owner.cls.methods["__init__"]
    at = writes_param(init, attr)
    if at >= 0 or depth > 4:
        return at
    bases = ctx.ws.bases(owner)
    for call in init.calls:
        if call.method != "__init__" or not bases:
            continue
        args = call.args if call.receiver == "super()" else call.args[1:]  # `Base.__init__(self, x)`
        base = bases[0] if call.receiver == "super()" else ctx.ws.resolve(owner.module, call.receiver)
        j = init_position(ctx, base, attr, depth + 1) if base is not None else -1
        if 0 <= j < len(args) and args[j].startswith("param:"):
            at = next((i for i, p in enumerate(init.params) if p.name == args[j][6:]), -1)
            return at if all(not p.has_default and not p.name.startswith("*") for p in init.params[: at + 1]) else -1
    return -1
