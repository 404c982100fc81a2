"""Interface families held by a context: the skeleton of strategy, state and bridge."""

from __future__ import annotations

from dataclasses import dataclass

from agentls.patterns.context import Collab, Ctx
from agentls.patterns.workspace import ClassRef


@dataclass
class Held:
    interface: ClassRef
    impls: list[ClassRef]
    holder: ClassRef
    collab: Collab
    typed: bool


def held_families(ctx: Ctx, iface: ClassRef) -> list[Held]:
    """Holders (outside the family) of an interface with two or more concrete implementations."""
    key = ("held", iface.key)
    if key in ctx._cache:
        return ctx._cache[key]  # type: ignore[no-any-return]
    out: list[Held] = []
    if iface.cls.is_interface:
        impls = [d for d in ctx.concrete(iface) if set(d.cls.methods) & set(iface.cls.methods)]
        if len(impls) >= 2:
            family = {iface.key, *(d.key for d in ctx.descendants(iface))}
            pairs = list(ctx.holders(iface))
            for impl in impls:
                pairs += [(h, c) for h, c in ctx.holders(impl) if c.instantiated]
            seen: set[tuple[str, str]] = set()
            for holder, collab in pairs:
                if holder.key in family or collab.container or (holder.key, collab.attr) in seen:
                    continue
                seen.add((holder.key, collab.attr))
                called = set(collab.methods)
                for d in ctx.descendants(holder):
                    called |= {
                        c.method for m in d.cls.methods.values() for c in m.calls if c.receiver == f"self.{collab.attr}"
                    }
                if not called & set(ctx.all_methods(iface)):
                    continue
                out.append(Held(iface, impls, holder, collab, bool(collab.types)))
    ctx._cache[key] = out
    return out


def transitions(ctx: Ctx, h: Held) -> list[tuple[int, str]]:
    """Places where the held object is replaced by another implementation: a state change."""
    key = ("transitions", h.interface.key, h.holder.key, h.collab.attr)
    if key not in ctx._cache:
        ctx._cache[key] = _transitions(ctx, h)
    return ctx._cache[key]  # type: ignore[no-any-return]


def _transitions(ctx: Ctx, h: Held) -> list[tuple[int, str]]:
    keys = {i.key for i in h.impls}
    out = []
    for impl in h.impls:
        for m in impl.cls.methods.values():
            for s in m.attr_stores:
                if s.attr == h.collab.attr and s.value.startswith("call:"):
                    r = ctx.resolve(s.value[5:], impl.module)
                    if r is not None and r.key in keys:
                        out.append((m.selection.line, f"`{impl.cls.name}.{m.name}` switches to `{r.cls.name}`"))
            for r in ctx.returned_classes(m, impl.module):
                if r.key in keys and r != impl:
                    out.append((m.selection.line, f"`{impl.cls.name}.{m.name}` returns the next state `{r.cls.name}`"))
    writes = []
    for m in h.holder.cls.methods.values():
        for v in m.self_writes.get(h.collab.attr, []):
            r = ctx.resolve(v[5:], h.holder.module) if v.startswith("call:") else None
            if r is not None and r.key in keys and m.name != "__init__":
                writes.append((m.selection.line, f"`{m.name}` switches to `{r.cls.name}`"))
    if len(writes) >= 2:
        out.extend(writes)
    return out


def roles_for(ctx: Ctx, ref: ClassRef) -> list[tuple[str, Held]]:
    """('interface'|'impl'|'holder', held) for every family this class takes part in."""
    key = ("roles_for", ref.key)
    if key not in ctx._cache:
        ctx._cache[key] = _roles_for(ctx, ref)
    return ctx._cache[key]  # type: ignore[no-any-return]


def roles_of_kind(ctx: Ctx, ref: ClassRef, kind: str) -> list[tuple[str, Held]]:
    """The first family of ``kind`` (strategy, state or bridge) for each role this class plays."""
    done: set[str] = set()
    out: list[tuple[str, Held]] = []
    for role, h in roles_for(ctx, ref):
        if role not in done and kind_of(ctx, h) == kind:
            done.add(role)
            out.append((role, h))
    return out


def _roles_for(ctx: Ctx, ref: ClassRef) -> list[tuple[str, Held]]:
    out: list[tuple[str, Held]] = [("interface", h) for h in _one_per_kind(ctx, held_families(ctx, ref))]
    for anc in ctx.ancestors(ref):
        out.extend(("impl", h) for h in _one_per_kind(ctx, held_families(ctx, anc)) if ref in h.impls)
    for c in ctx.collabs(ref).values():
        for t in c.types:
            for cand in [t, *ctx.ancestors(t)]:
                out.extend(
                    ("holder", h) for h in held_families(ctx, cand) if h.holder == ref and h.collab.attr == c.attr
                )
    if not any(r == "holder" for r, _ in out):
        seen = set()
        for c in ctx.collabs(ref).values():
            if c.from_param and not c.types and c.methods:
                for cand in _duck_interfaces(ctx, c):
                    for h in held_families(ctx, cand):
                        if h.holder == ref and (cand.key, c.attr) not in seen:
                            seen.add((cand.key, c.attr))
                            out.append(("holder", h))
    return out


def _duck_interfaces(ctx: Ctx, c: Collab) -> list[ClassRef]:
    index = ctx._cache.get("iface_by_method")
    if index is None:
        index = {}
        for ref in ctx.ws.all_classes():
            if ref.cls.is_interface or (ref.cls.methods and ctx.ws.subclasses(ref)):
                for name in ref.cls.methods:
                    index.setdefault(name, []).append(ref)
        ctx._cache["iface_by_method"] = index
    out: list[ClassRef] = []
    for name in c.methods:
        for ref in index.get(name, []):
            if ref not in out:
                out.append(ref)
    return out


def _one_per_kind(ctx: Ctx, helds: list[Held]) -> list[Held]:
    """An interface held by many contexts takes part once per kind (strategy/state/bridge)."""
    out: dict[str, Held] = {}
    for h in helds:
        out.setdefault(kind_of(ctx, h), h)
    return list(out.values())


def kind_of(ctx: Ctx, h: Held) -> str:
    """state when implementations replace one another, bridge when the holder is a hierarchy."""
    if transitions(ctx, h):
        return "state"
    if ctx.descendants(h.holder):
        return "bridge"
    return "strategy"
