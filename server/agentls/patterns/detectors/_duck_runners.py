"""Objects the program hands to a class that writes no interface for them (duck typing).

`_duck` finds what the program hands to a holder's single untyped attribute; a runner keeping
a list (`chain.add_middleware(auth)`, then `for m in self.middlewares: m.handle(request)`) is
handed its members through an adding method instead. The same evidence is taken: a call of the
adding method on an object of the runner's class (made there, or known to be one), with an
object of a program class made in place or made before in the same function. Test code hands
doubles and chooses nothing. A wrapper's untyped constructor parameter is read the same way
(`handed_at_init`): the classes the program hands in its place.
"""

from __future__ import annotations

from agentls.patterns.context import Ctx
from agentls.patterns.detectors._duck import Hand, Site, Slot, defines
from agentls.patterns.detectors._handing import handing_units
from agentls.patterns.detectors._init_params import init_position
from agentls.patterns.facts import Call
from agentls.patterns.workspace import ClassRef


def handed_members(ctx: Ctx, runner: ClassRef, attr: str, adder: str, at: int, called: str, line: int) -> list[Site]:
    """Where the program hands ``runner`` (through ``adder``'s parameter at ``at``, appended to
    ``self.<attr>``) an object of a class outside its hierarchy defining ``called``."""
    key = ("duck members", runner.key, attr, adder)
    hit = ctx._cache.get(key)
    if hit is not None:
        return hit  # type: ignore[no-any-return]
    slot = Slot(runner, attr, {runner.key, *(d.key for d in ctx.descendants(runner))}, {called: line})
    for module, fn, owner in handing_units(ctx, calling=adder):
        hand = Hand(ctx, module, fn, owner)
        for call in fn.calls:
            if call.method == adder and at < len(call.args) and hand.reach(call.receiver, [slot], call.line):
                hand(slot, call.args[at], call.line, f"`.{adder}(?)` hands it over")
        hand.close()
    theirs = [s for s in slot.sites if s.cls.key not in slot.hierarchy and called in ctx.all_methods(s.cls)]
    ctx._cache[key] = theirs
    return theirs


def members(ctx: Ctx, runner: ClassRef, attr: str, adder: str, at: int, called: str, line: int) -> list[Site]:
    """The handing sites of an implied family kept in a list: two classes or more handed to the
    runner that define ``called``, none of the runner's own kind (a runner handed its own kind
    is a composite), sharing no base that defines ``called`` (a written family, judged by it)."""
    sites = handed_members(ctx, runner, attr, adder, at, called, line)
    impls = list({s.cls.key: s.cls for s in sites}.values())
    if len(impls) < 2 or any(runner in ctx.ancestors(i) for i in impls):
        return []
    shared = set.intersection(*({a.key for a in ctx.ancestors(i)} for i in impls))
    if any(called in a.cls.methods for a in ctx.ancestors(impls[0]) if a.key in shared):
        return []
    return sites


def handed_at_init(ctx: Ctx, holder: ClassRef, attr: str, called: set[str]) -> list[ClassRef]:
    """The classes (outside the holder's hierarchy, defining every method in ``called``) whose
    objects the program hands the holder's constructor in the place of the parameter kept in
    ``self.<attr>``: made in place, a module variable, or a local made before (outside tests)."""
    key = ("duck init", holder.key, attr)
    hit = ctx._cache.get(key)
    if hit is not None:
        return hit  # type: ignore[no-any-return]
    at = init_position(ctx, holder, attr)
    slot = Slot(holder, attr, {holder.key}, dict.fromkeys(called, 0))
    name = holder.cls.name

    def named(c: Call) -> bool:
        return at < len(c.args) and c.func.rpartition(".")[2] == name

    for module, fn, owner in handing_units(ctx, lambda f: any(named(c) for c in f.calls), name) if at >= 0 else ():
        hand = Hand(ctx, module, fn, owner)
        for call in filter(named, fn.calls):
            if ctx.ws.resolve(module, call.func) == holder:
                hand(slot, call.args[at], call.line, f"`{holder.cls.name}(?)` hands it over")
        hand.close()
    out = list({s.cls.key: s.cls for s in slot.sites if defines(ctx, s.cls, slot)}.values())
    ctx._cache[key] = out
    return out
