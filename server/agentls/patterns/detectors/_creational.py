"""What the creational detectors share: the nearest common base of what a factory makes, and
the classes a function hands out."""

from __future__ import annotations

from agentls.patterns.context import Ctx
from agentls.patterns.detectors._shared import is_exception
from agentls.patterns.facts import FunctionFacts, ModuleIndex
from agentls.patterns.workspace import ClassRef


def shared_bases(ctx: Ctx, made: list[ClassRef]) -> list[ClassRef]:
    """The classes every one of ``made`` is or derives from (their common interface)."""
    if len(made) < 2:
        return []
    common = set.intersection(*({p.key} | {a.key for a in ctx.ancestors(p)} for p in made))
    shared = [a for a in [made[0], *ctx.ancestors(made[0])] if a.key in common]
    # The nearest ones: not the bases of a shared base (`Field`, not its mixins too).
    above = {b.key for a in shared for b in ctx.ancestors(a)}
    return [a for a in shared if a.key not in above]


def through_local(ctx: Ctx, fn: FunctionFacts, module: ModuleIndex) -> list[ClassRef]:
    """The classes a function creates into one local it then returns, behind its branches
    (`pizza = None`, `if kind == "cheese": pizza = CheesePizza()` ..., `return pizza`): what
    it instantiates, when every `return` hands out that one local and all it instantiates
    share a base (or it instantiates one class). Exceptions raised on the way do not count."""
    if fn.loops or ctx.returned_classes(fn, module):
        return []  # a loop assembles (a parser building a tree), a factory chooses
    names = {v for v in fn.returns if v != "none"}
    if len(names) != 1 or not next(iter(names)).startswith("name:"):
        return []
    made: list[ClassRef] = []
    for call, r in ctx.instantiations(fn, module):
        if is_exception(ctx, r):
            continue
        if any(f"call:{call.func}" in c.args for c in fn.calls):
            return []  # an object made to be handed on (`tree.append(Number(x))`), not returned
        if r not in made:
            made.append(r)
    if len(made) == 1 or (made and shared_bases(ctx, made)):
        return made
    return []
