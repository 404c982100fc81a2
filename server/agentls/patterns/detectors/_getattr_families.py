"""A decorator family whose base forwards every attribute through `__getattr__` to the object
its constructor keeps, the subclasses overriding some of the forwarded methods."""

from __future__ import annotations

from agentls.patterns.context import Ctx
from agentls.patterns.detectors._wrapping import Role, emit_roles
from agentls.patterns.facts import FunctionFacts
from agentls.patterns.workspace import ClassRef


def _forwarding(d: ClassRef, held: str) -> list[FunctionFacts]:
    """The class's own methods calling their namesake on the held object (`get` calling
    `self._store.get(...)`), special methods aside."""
    return [
        m
        for n, m in d.cls.methods.items()
        if not n.startswith("__") and any(c.receiver == f"self.{held}" and c.method == n for c in m.calls)
    ]


def forwarding_family(ctx: Ctx, base: ClassRef, held: str) -> list[tuple[ClassRef, FunctionFacts]]:
    """The subclasses of a base whose `__getattr__` forwards everything to `self.<held>` that
    decorate it: overriding a forwarded method and calling the same method on the held object
    (`put` hashing the value for a key, then `self._store.put(key, value)`), or, below such a
    subclass, overriding a hook of its own that its forwarding methods call (`_map_key`,
    called by a `get` forwarding to the held `get`: a prefix added to every key). A subclass
    with a `__getattr__` of its own is judged on its own. Each with the method that shows it."""
    out: list[tuple[ClassRef, FunctionFacts]] = []
    hooks: dict[str, set[str]] = {}
    for d in ctx.descendants(base):
        if "__getattr__" in d.cls.methods:
            continue
        over = _forwarding(d, held)
        if over:
            out.append((d, over[0]))
            hooks[d.key] = {c for m in over for c in m.self_calls}
    found = {d.key for d, _ in out}
    for d, _ in list(out):
        for e in ctx.descendants(d):
            refined = [m for n, m in e.cls.methods.items() if n in hooks[d.key]]
            if e.key not in found and refined and "__getattr__" not in e.cls.methods:
                found.add(e.key)
                out.append((e, refined[0]))
    return out


def decorated_below(ctx: Ctx, base: ClassRef, held: str, ga: FunctionFacts, out: dict[str, list[Role]]) -> bool:
    """Reports the base and its decorating subclasses (``forwarding_family``), if any. The base
    adds nothing itself: its subclasses decorate through what it forwards."""
    family = forwarding_family(ctx, base, held)
    if family:
        emit_roles(
            out,
            base,
            "decorator",
            0.7,
            [(ga.selection.line, f"`__getattr__` forwards every attribute to `self.{held}`")],
            [(d, "decorator", f"`{m.name}` adds behaviour around the wrapped object") for d, m in family],
        )
    return bool(family)
