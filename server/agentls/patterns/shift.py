"""Facts moved by a number of lines: what an edit above a statement does to it.

The incremental index (``incremental``) re-indexes only the statements an edit touched; the
ones below it keep their facts, moved by the lines the edit added or removed. Every fact that
holds a line is rebuilt here, and nothing else is: a moved fact equals the fact a fresh index
of the new text gives. New objects, never changed in place: an older analysis may share them.
"""

from __future__ import annotations

from agentls.patterns.facts import (
    AttrStore,
    BodyCall,
    ClassFacts,
    ContainerOp,
    FunctionFacts,
    Import,
    Loop,
    make_call,
)
from agentls.patterns.model import Range, make_range

# ClassFacts' cached properties depend on methods' kinds and bodies, not on lines; a moved
# class computes them again rather than carry stale entries from its __dict__.
_CACHED = ("abstract_methods", "is_interface", "declares_abstract", "is_protocol", "is_plain_interface")


def shift_range(r: Range, d: int) -> Range:
    return make_range(r.line + d, r.col, r.end_line + d, r.end_col)


def shift_function(f: FunctionFacts, d: int) -> FunctionFacts:
    g = object.__new__(FunctionFacts)
    state = dict(f.__dict__)
    state["range"] = shift_range(f.range, d)
    state["selection"] = shift_range(f.selection, d)
    if f.calls:
        state["calls"] = [make_call(c.func, c.line + d, c.args, c.receiver, c.method) for c in f.calls]
    if f.loops:
        state["loops"] = [Loop(x.iter, x.target, x.line + d) for x in f.loops]
    if f.container_ops:
        state["container_ops"] = [ContainerOp(o.container, o.op, o.arg, o.line + d, o.key) for o in f.container_ops]
    if f.attr_stores:
        state["attr_stores"] = [AttrStore(a.receiver, a.attr, a.value, a.line + d) for a in f.attr_stores]
    g.__dict__ = state
    return g


def shift_class(c: ClassFacts, d: int) -> ClassFacts:
    g = object.__new__(ClassFacts)
    state = {k: v for k, v in c.__dict__.items() if k not in _CACHED}
    state["range"] = shift_range(c.range, d)
    state["selection"] = shift_range(c.selection, d)
    state["methods"] = {name: shift_function(m, d) for name, m in c.methods.items()}
    if c.body_calls:
        state["body_calls"] = shift_body_calls(c.body_calls, d)
    g.__dict__ = state
    return g


def shift_body_calls(calls: list[BodyCall], d: int) -> list[BodyCall]:
    out = []
    for b in calls:
        c = b.call
        out.append(BodyCall(b.target, make_call(c.func, c.line + d, c.args, c.receiver, c.method), b.keywords))
    return out


def shift_import(i: Import, d: int) -> Import:
    return Import(i.module, i.name, i.alias, i.line + d)
