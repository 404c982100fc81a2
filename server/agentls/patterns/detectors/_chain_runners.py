"""Chains kept as a list by a runner: the handlers appended to it and run in turn, of a written
interface or (duck typing) handed to the runner by the program."""

from __future__ import annotations

from agentls.patterns.context import Ctx
from agentls.patterns.detectors._basics import made_together, near
from agentls.patterns.detectors._duck import Site
from agentls.patterns.detectors._duck_runners import members
from agentls.patterns.detectors.composite import calls_back
from agentls.patterns.facts import FunctionFacts
from agentls.patterns.workspace import ClassRef


def given(m: FunctionFacts) -> set[str]:
    return {f"param:{p}" for p in m.param_names}


# {class key: (interface, method, runner, line, handing site)}; with no interface written the
# runner stands in for it and the site says where the program hands the member over.
_Runs = dict[str, tuple[ClassRef, str, ClassRef, int, Site | None]]


def runner_chains(ctx: Ctx) -> _Runs:
    """{class key: (interface, method, runner, line)} for chains kept as a list by a runner: a
    class outside the interface's hierarchy that appends the handlers it is handed to a list
    and hands the request it was given to each in turn through the method the interface
    declares abstract (`for m in self.middlewares: request = m.handle_request(request)`),
    for the interface and its two or more implementations."""
    key = ("chain", "runners")
    hit = ctx._cache.get(key)
    if hit is not None:
        return hit  # type: ignore[no-any-return]
    out: _Runs = {}
    by_method = ctx.by_method(public=True)
    for r in ctx.ws.all_classes():
        methods = r.cls.methods
        adds: dict[str, str | None] = {}  # list attribute -> annotation of what is appended
        adders: dict[str, tuple[str, int]] = {}  # list attribute -> (adding method, position)
        for m in methods.values():
            for op in m.container_ops:
                if op.op in ("append", "add", "insert") and op.arg.startswith("param:") and op.container[:5] == "self.":
                    p = m.param(op.arg[6:])
                    adds[op.container[5:]] = p.annotation if p is not None else None
                    if p is not None and m.name != "__init__":
                        adders[op.container[5:]] = (m.name, m.params.index(p))
        for m in methods.values():
            if not adds or not m.is_public or not m.params:
                continue
            for loop in m.loops:
                attr = loop.iter.removeprefix("self.")
                if attr not in adds or not loop.target:
                    continue
                passes = [
                    c for c in m.calls if c.receiver == loop.target and c.method == m.name and set(c.args) & given(m)
                ]
                if not passes:
                    continue
                abstract = [i for i in by_method.get(m.name, []) if m.name in i.cls.abstract_methods]
                declaring = [i for i in abstract if near(r, i)]
                if not declaring:  # one class per file in a script folder: its siblings
                    declaring = [i for i in abstract if near(r, i, ctx)]
                    if len(declaring) > 1:
                        declaring = [i for i in declaring if any(made_together(ctx, r, x) for x in ctx.concrete(i))]
                ann = adds[attr]
                typed = ctx.annotation_refs(ann, r.module) if ann else []
                if not abstract and not ann and attr in adders:
                    _duck_members(ctx, r, m, attr, adders, passes[0].line, out)
                    continue
                for iface in declaring:
                    impls = ctx.concrete(iface)
                    if len(impls) < 2 or r == iface or r in impls or calls_back(impls, m.name):
                        continue
                    # What is appended is known to be the interface's kind: so annotated, or,
                    # untyped, the interface is the only one declaring the method.
                    if (typed and iface not in typed) or (not typed and (ann or len(declaring) > 1)):
                        continue
                    for x in [iface, *impls]:
                        out.setdefault(x.key, (iface, m.name, r, passes[0].line, None))
    ctx._cache[key] = out
    return out


def _duck_members(
    ctx: Ctx, r: ClassRef, m: FunctionFacts, attr: str, adders: dict[str, tuple[str, int]], line: int, out: _Runs
) -> None:
    """No interface declares the method (duck typing): the members the program hands the
    runner (`_duck_runners.members`), unless they call back with themselves (a Visitor's
    elements)."""
    sites = members(ctx, r, attr, *adders[attr], m.name, line)
    if sites and not calls_back(list({s.cls.key: s.cls for s in sites}.values()), m.name):
        for s in sites:
            out.setdefault(s.cls.key, (r, m.name, r, line, s))
