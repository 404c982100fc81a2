"""A holder driving a builder: what Strategy reads as a context may be a Builder's director."""

from __future__ import annotations

from typing import TYPE_CHECKING

from agentls.patterns.context import Ctx
from agentls.patterns.workspace import ClassRef

if TYPE_CHECKING:  # only the type of a held family is needed here
    from agentls.patterns.detectors._families import Held


def directs(ctx: Ctx, h: Held) -> bool:
    """The holder runs two or more steps taking nothing on the held object in one method
    (`self._builder.new_computer(); self._builder.get_case(); ...`) and hands out what the
    held object answers (`return self._builder.get_computer()`), which the family answers
    with an attribute it made from a class of the program (`self._computer = Computer()`;
    `return self._computer`): a director having a product built, not a context running an
    algorithm."""
    receiver = f"self.{h.collab.attr}"
    methods = h.holder.cls.methods.values()
    if not any(len({c.method for c in m.calls if c.receiver == receiver and not c.args}) >= 2 for m in methods):
        return False
    asked = {v[len(receiver) + 6 :] for m in methods for v in m.returns if v.startswith(f"call:{receiver}.")}
    family = [h.interface, *h.impls]
    for name in asked:
        for member in family:
            found = ctx.all_methods(member).get(name)
            kept = [v[10:] for v in found.returns if v.startswith("attr:self.")] if found is not None else []
            if any(_made(ctx, f, attr) for f in family for attr in kept):
                return True
    return False


def _made(ctx: Ctx, member: ClassRef, attr: str) -> bool:
    """A method of ``member`` (a family class) writes ``attr`` with a new object of a class
    of the program."""
    for m in ctx.all_methods(member).values():
        for v in m.self_writes.get(attr, []):
            if v.startswith("call:") and ctx.resolve(v[5:], member.module) is not None:
                return True
    return False
