"""What the creational detectors share: the nearest common base of what a factory makes."""

from __future__ import annotations

from agentls.patterns.context import Ctx
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
