"""Implied families: what `_duck` found handed to untyped holders, made into families with a
stand-in interface (a Protocol of the methods the holder calls, placed at the attribute), and
the evidence shown for them. Split from `_duck` (module size)."""

from __future__ import annotations

from dataclasses import dataclass, field

from agentls.patterns.context import Collab, Ctx, Ev, line_range, per_workspace
from agentls.patterns.detectors._duck import Site, handed_slots
from agentls.patterns.detectors._duck_siblings import siblings
from agentls.patterns.detectors._shared import is_exception, is_repository, is_uow
from agentls.patterns.facts import ClassFacts, FunctionFacts, new_function_facts
from agentls.patterns.test_code import is_test_module
from agentls.patterns.workspace import ClassRef


@dataclass
class Implied:
    iface: ClassRef  # the stand-in interface: a Protocol of the methods the holder calls
    holder: ClassRef
    collab: Collab
    impls: list[ClassRef]
    sites: list[Site] = field(default_factory=list)


def _stand_in(holder: ClassRef, attr: str, called: dict[str, int], impl: ClassRef, ctx: Ctx, line: int) -> ClassRef:
    """A Protocol of stubs with the called methods' signatures (taken from one implementation),
    named after the attribute and placed at it."""
    rng = line_range(line)
    theirs = ctx.all_methods(impl)
    qual = f"{holder.cls.qualname}.{attr}"
    methods: dict[str, FunctionFacts] = {
        n: new_function_facts(n, f"{qual}.{n}", rng, rng, "method", list(theirs[n].params), None, [], True, "stub", 1)
        for n in called
    }
    cls = ClassFacts(
        f"{holder.cls.name}.{attr}", f"{holder.cls.qualname}.{attr}", rng, rng, bases=["Protocol"], methods=methods
    )
    return ClassRef(holder.module, cls)


@per_workspace
def implied_families(ctx: Ctx) -> dict[str, Implied]:
    """Stand-in interface key -> the implied family, for every holder the program hands two or
    more classes defining all it calls."""
    slots = handed_slots(ctx)
    forwarding = {s.holder.key for s in slots if all(n in ctx.all_methods(s.holder) for n in s.called)}
    forwarding |= {d.key for s in slots if s.holder.key in forwarding for d in ctx.descendants(s.holder)}
    out: dict[str, Implied] = {}
    for s in slots:
        holder = s.holder
        if is_test_module(holder.module) or is_exception(ctx, holder):
            continue
        impls: list[ClassRef] = []
        sites: list[Site] = []
        for site in s.sites:
            c = site.cls
            if c.key in s.hierarchy or any(a.key in s.hierarchy for a in ctx.ancestors(c)):
                continue  # its own kind
            theirs = ctx.all_methods(c)
            if not all(n in theirs for n in s.called):
                continue
            sites.append(site)
            if c not in impls:
                impls.append(c)
        # The alternatives written beside a class a client hands over (what the holder makes
        # itself is its own choice, not a configuration).
        given = [c for c in impls if any(x.cls == c and not x.own for x in sites)]
        for c, beside in siblings(ctx, holder, s.hierarchy, s.called, given):
            how = f"written beside `{beside.cls.name}`, which is handed to `{holder.cls.name}`"
            sites.append(Site(c, c.module, c.cls.selection.line, how))
            impls.append(c)
        if len(impls) < 2:
            continue
        # A holder answering what it passes on, handed objects that do the same, wraps its own
        # kind (`Sugar(Milk(Coffee()))`): a decorator or a chain, not a context.
        if s.holder.key in forwarding and any(i.key in forwarding for i in impls):
            continue
        # Implementations sharing a base of the workspace that defines what the holder calls
        # are a written family: the interface machinery judges them by that base.
        shared = set.intersection(*({i.key, *(a.key for a in ctx.ancestors(i))} for i in impls))
        if any(set(s.called) & set(ctx.ws.derived.by_key[k].cls.methods) for k in shared if k in ctx.ws.derived.by_key):
            continue
        if any(is_repository(ctx, i) or is_uow(ctx, i) or is_exception(ctx, i) for i in impls):
            continue  # a persistence port handed to its users; errors are raised, not run
        base = ctx.collabs(holder)[s.attr]
        from_param = base.from_param or any(
            (dc := ctx.collabs(d).get(s.attr)) is not None and dc.from_param for d in ctx.descendants(holder)
        )
        collab = Collab(s.attr, [], from_param, [], dict(s.called), "", base.line)
        iface = _stand_in(holder, s.attr, s.called, impls[0], ctx, base.line)
        sites.sort(key=lambda x: (x.module.path, x.line))
        out[iface.key] = Implied(iface, holder, collab, impls, sites)
    return out


def implied(ctx: Ctx, ref: ClassRef) -> Implied | None:
    """The implied family whose stand-in interface ``ref`` is."""
    return implied_families(ctx).get(ref.key)


def _where(ctx: Ctx, site: Site, here: ClassRef) -> tuple[int, str]:
    if site.module is here.module:
        return site.line, ""
    return here.cls.selection.line, f" ({site.module.path}:{site.line + 1})"


def duck_evidence(ctx: Ctx, iface: ClassRef, ref: ClassRef) -> list[Ev]:
    """What was seen of an implied family, for the detection of ``ref`` (its holder or one of
    its implementations): the methods the holder calls, and where each class is handed."""
    fam = implied(ctx, iface)
    if fam is None:
        return []
    called = ", ".join(f"`{n}`" for n in list(fam.collab.methods)[:3])
    text = f"no interface is written: `{fam.holder.cls.name}` calls {called} on `self.{fam.collab.attr}`"
    if ref.module is fam.holder.module:
        out: list[Ev] = [(fam.collab.line, text)]
    else:
        out = [(ref.cls.selection.line, f"{text} ({fam.holder.module.path}:{fam.collab.line + 1})")]
    if ref == fam.holder:
        shown: set[str] = set()
        for site in fam.sites:
            if site.cls.key not in shown and len(shown) < 3:
                shown.add(site.cls.key)
                line, where = _where(ctx, site, ref)
                out.append((line, f"{site.how}{where}"))
    else:
        mine = [s for s in fam.sites if s.cls == ref][:2]
        for site in mine:
            line, where = _where(ctx, site, ref)
            out.append((line, f"{site.how}{where}"))
    return out
