"""A proxy's real subject by duck typing: made by the proxy, of a class that never names the
proxy's interface but offers all of it (see ``_wrapping``)."""

from __future__ import annotations

from agentls.patterns.context import Collab, Ctx
from agentls.patterns.workspace import ClassRef


def duck_subject(ctx: Ctx, ref: ClassRef, collab: Collab, base: ClassRef, known: list[ClassRef]) -> bool:
    """The wrapper makes the object itself, of one class with no base of its own (duck typed)
    offering every public method of the wrapper's interface, and forwards each of them to the
    same-named one: `Proxy(ServiceInterface)` making a `Service()` on first use stands in for
    it though `Service` never names the interface. No other class makes one for itself."""
    # made in each method that needs it, the class is listed once per place
    if collab.from_param or not collab.instantiated or len({t.key for t in known}) != 1:
        return False
    real = known[0]
    if real == ref or real.cls.is_interface or any(b.rpartition(".")[2] != "object" for b in real.cls.bases):
        return False
    public = {n for n in ctx.all_methods(base) if not n.startswith("_")}
    if not (public and public <= set(ctx.all_methods(real)) and forwards_same(ref, collab.attr, public)):
        return False
    # A class several others make for themselves (every game making the shared `Leaderboard()`)
    # is a service they use, not a subject one of them stands in for (asked last: the holders
    # of the class are looked up across the workspace).
    return not any(h.key != ref.key and any(t.key == real.key for t in c.instantiated) for h, c in ctx.holders(real))


def forwards_same(ref: ClassRef, attr: str, called: set[str]) -> bool:
    """Every method called on ``self.<attr>`` is called from the same-named method."""
    seen = {
        call.method
        for n, m in ref.cls.methods.items()
        for call in m.calls
        if call.receiver == f"self.{attr}" and call.method == n
    }
    return bool(called) and called <= seen
