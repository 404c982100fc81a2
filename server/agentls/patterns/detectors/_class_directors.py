"""Directors given the class to build: functions that instantiate the class they are handed
(`building = cls()`), run two or more of its build steps in a fixed order and return it; and
the builders they reveal (a base declaring the steps, implementations recording parts)."""

from __future__ import annotations

from agentls.patterns.context import Ctx, per_workspace
from agentls.patterns.facts import FunctionFacts
from agentls.patterns.workspace import ClassRef


@per_workspace
def class_directors(ctx: Ctx) -> dict[str, tuple[FunctionFacts, list[ClassRef]]]:
    """Functions that instantiate the class they are given (`building = cls()`), call two
    or more of its build steps in a fixed order and return it: {key: (director, builders)}
    for the director (keyed by module path and name) and for every builder it drives. The
    builders are the classes defining those steps: a base declaring them abstract, and
    implementations whose steps only record parts in their own state."""
    out: dict[str, tuple[FunctionFacts, list[ClassRef]]] = {}
    by_method: dict[str, list[ClassRef]] | None = None
    for module in ctx.ws.modules():
        for fn in module.functions.values():
            given = {p.name for p in fn.params}
            if not any(c.func in given for c in fn.calls):
                continue
            local = {v[5:] for v in fn.returns if v.startswith("name:")}
            called = {c.method for c in fn.calls if c.receiver in local}
            if len(called) < 2:
                continue
            if by_method is None:
                by_method = ctx.by_method(public=False)
            first = sorted(called)[0]
            defining = [r for r in by_method.get(first, []) if called <= set(r.cls.methods)]
            declared = [r for r in defining if all(r.cls.methods[n].body_kind == "not_implemented" for n in called)]
            impls = [
                r
                for r in defining
                if r not in declared
                and all(
                    r.cls.methods[n].self_writes and not r.cls.methods[n].calls and not r.cls.methods[n].returns
                    for n in called
                )
            ]
            if declared and len(impls) >= 2:
                builders = [*declared, *impls]
                out[f"{module.path}:{fn.qualname}"] = (fn, builders)
                for b in builders:
                    out.setdefault(b.key, (fn, builders))
    return out
