"""Duck-typed chains: handlers linked by successors when no handler interface is written.

A class passing a request on to `self._successor.handle(...)` is a chain's link; whether it is
the `handler` (what the links are known by) or a `concrete_handler` depends on an interface
declaring the method. Without one (`Dispenser50`, `Dispenser20`, `Dispenser10` each keeping an
untyped successor), the links are the concrete handlers of an implied interface when the
program wires them together: one piece of code makes two of them and hands one to another
through a successor setter. Two classes merely sharing the method name prove nothing.
"""

from __future__ import annotations

from agentls.patterns.context import Ctx, per_workspace
from agentls.patterns.test_code import is_test_module
from agentls.patterns.workspace import ClassRef


def successor_setters(ref: ClassRef, attr: str) -> set[str]:
    """The methods (constructor aside) storing a parameter in ``self.<attr>``."""
    return {
        m.name
        for m in ref.cls.methods.values()
        if m.name != "__init__" and any(v.startswith("param:") for v in m.self_writes.get(attr, ()))
    }


@per_workspace
def _units(ctx: Ctx) -> list[tuple[str, set[str], set[str]]]:
    """(where, classes made, methods called) for each function, method and main block of
    the program's non-test modules that makes two classes or more."""
    out: list[tuple[str, set[str], set[str]]] = []
    for module in ctx.ws.modules():
        if is_test_module(module):
            continue  # a test wiring doubles chooses nothing at run time
        units = module.units()
        for fn in units:
            made = {r.key for _, r in ctx.instantiations(fn, module)}
            if len(made) >= 2:
                out.append((f"{module.path}:{fn.selection.line + 1}", made, {c.method for c in fn.calls}))
    return out


def wired_peer(ctx: Ctx, ref: ClassRef, attr: str, links: list[tuple[ClassRef, str]]) -> str | None:
    """Where ``ref`` (passing a request on through ``self.<attr>``) is wired to another link
    outside its hierarchy passing the same method on (``links``: each such link and its
    successor attribute): code making both and calling one's successor setter; None when nowhere."""
    mine = {ref.key, *(a.key for a in ctx.ancestors(ref)), *(d.key for d in ctx.descendants(ref))}
    peers = [(p, a) for p, a in links if p.key not in mine and not any(x.key in mine for x in ctx.ancestors(p))]
    if not peers:
        return None
    own = successor_setters(ref, attr)
    for where, made, called in _units(ctx):
        if ref.key not in made:
            continue
        for p, a in peers:
            if p.key in made and called & (own | successor_setters(p, a)):
                return f"`{ref.cls.name}` and `{p.cls.name}` linked through a successor setter ({where})"
    return None
