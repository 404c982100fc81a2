"""Wiring one port: a function handing the constructor it calls a new implementation of the
abstraction that constructor declares it takes (the dependency-injection detector's smallest
composition root)."""

from __future__ import annotations

from agentls.patterns.context import Ctx, Ev
from agentls.patterns.detectors._shared import entity_evidence, message_like, value_object_evidence
from agentls.patterns.facts import FunctionFacts
from agentls.patterns.workspace import ClassRef


def hands_port_implementation(ctx: Ctx, fn: FunctionFacts) -> tuple[list[Ev], list[tuple[ClassRef, str]]]:
    """Returns one object it builds over a new implementation of the port its constructor
    takes (`return CreateCustomer(SqlRepo())` with `__init__(self, repo: RepoPort)`): it picks
    what stands behind the port, the wiring's job. Several answers by branch are a factory's
    choice (pytest's `_get_multicapture` picking capture classes by method), and an
    implementation built over the object itself (`TransactionWrapper(self)` in a client's
    `_in_transaction`) is the object's own part."""
    returned = {v[5:] for v in fn.returns if v.startswith("call:")} if len(fn.returns) == 1 else set()
    if not returned:
        return [], []
    over_self = {c.func for c in fn.calls if "self" in c.args}
    for call, r in ctx.instantiations(fn):
        init = ctx.all_methods(r).get("__init__") if call.func in returned else None
        if init is None:
            continue
        ports = [
            t
            for p in init.params
            for t in ctx.annotation_refs(p.annotation, r.module)
            # (a per-aggregate port adding nothing to a generic one is abstract too)
            if t.cls.is_interface or t.cls.is_protocol or (not t.cls.methods and ctx.interface_ancestors(t))
        ]
        for a in call.args if ports else ():
            impl = ctx.resolve(a[5:]) if a.startswith("call:") else None
            if impl is None or impl in ports or a[5:] in over_self or is_data(ctx, impl):
                continue
            port = next((t for t in ports if t in ctx.ancestors(impl)), None)
            if port is not None:
                why = f"builds `{r.cls.name}` over a new `{impl.cls.name}` behind its `{port.cls.name}`"
                return [(call.line, why)], [(r, "client")]
    return [], []


def is_data(ctx: Ctx, dep: ClassRef) -> bool:
    """Values, entities and messages are data handed on, not services behind a port."""
    return bool(value_object_evidence(ctx, dep) or entity_evidence(ctx, dep) or message_like(dep))
