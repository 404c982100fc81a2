"""Shared analysis of wrapper classes: adapter, decorator and proxy differ in what they wrap."""

from __future__ import annotations

from dataclasses import dataclass

from agentls.patterns.context import Collab, Ctx
from agentls.patterns.facts import FunctionFacts
from agentls.patterns.workspace import ClassRef


@dataclass
class Wrap:
    collab: Collab
    interface: ClassRef  # what the wrapper implements
    same_family: bool  # the wrapped object implements the same interface
    forwards: list[tuple[FunctionFacts, str]]  # (wrapper method, method called on wrapped)


def _family(ctx: Ctx, base: ClassRef) -> set[str]:
    return {base.key, *(d.key for d in ctx.descendants(base))}


def wraps(ctx: Ctx, ref: ClassRef) -> list[Wrap]:
    out: list[Wrap] = []
    bases = [a for a in ctx.ancestors(ref) if a.cls.methods]
    if not bases:
        return out
    for c in ctx.collabs(ref).values():
        if c.container or not (c.from_param or c.instantiated) or not c.methods:
            continue
        for base in bases:
            fam = _family(ctx, base)
            offered = set(ctx.all_methods(base))
            if c.types:
                same = any(t.key in fam for t in c.types)
            else:
                same = set(c.methods) <= offered and bool(set(c.methods) & base.cls.abstract_methods)
            forwards = []
            for m in ref.cls.methods.values():
                if m.name.startswith("__") or m.name not in offered:
                    continue
                for call in m.calls:
                    if call.receiver == f"self.{c.attr}":
                        forwards.append((m, call.method))
            if forwards:
                out.append(Wrap(c, base, same, forwards))
                break
    return out


def is_proxy_like(w: Wrap) -> bool:
    """The wrapper creates its subject lazily, or guards access to it. Building a part eagerly
    in the constructor, or skipping an optional part when it is None, is plain composition."""
    attr = f"self.{w.collab.attr}"
    for m, _ in w.forwards:
        made = any(v.startswith("call:") for v in m.self_writes.get(w.collab.attr, []))
        if made and attr in m.none_checks:  # `if self._real is None: self._real = Real()`
            return True
    return any(m.raises and m.complexity > 1 for m, _ in w.forwards)
