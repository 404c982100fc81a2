"""Which held attribute a call's receiver names: a local bound to one, or a property in front
of one. Asked of the facts of a class by the collaborator maps (``Ctx.collabs``) and the wrapper
analysis; re-exported by ``facts``."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from agentls.patterns.facts import ClassFacts, FunctionFacts


def held_receiver(cls: ClassFacts, fn: FunctionFacts, receiver: str) -> str:
    """`self.<attr>` for a local of ``fn`` naming that attribute (`ls = self.strategy;
    ls.start()`), or holding what a method of the class answers when that method answers only
    `self.<attr>` (`real = self._get_real(); real.read()` calls the lazily made `self._real`'s
    `read`, as does `self._get_real().read()`); or the attribute behind a property the call
    goes through (`self.fly_behavior.fly()` with `fly_behavior` answering, or its setter
    storing, only `self._fly_behavior`); else ``receiver`` itself."""
    if receiver[:5] == "self." and (prop := cls.methods.get(receiver[5:])) is not None and prop.kind == "property":
        return _behind(prop) or receiver
    held = fn.getter_locals.get(receiver, "") if fn.getter_locals else ""
    if not held and receiver[:5] == "self." and receiver.endswith("()") and "." not in receiver[5:-2]:
        held = receiver[5:-2]  # the getter called in place: `self._get_real().read()`
    if held.startswith("self."):
        return held if "." not in held[5:] else receiver  # `ls = self.strategy; ls.start()`
    getter = cls.methods.get(held) if held else None
    return (_answered(getter) if getter is not None else "") or receiver


def _answered(fn: FunctionFacts) -> str:
    """`self.<attr>` when ``fn`` answers only that attribute, else ""."""
    values = set(fn.returns)
    value = values.pop() if len(values) == 1 else ""
    attr = value[10:] if value.startswith("attr:self.") else ""
    return f"self.{attr}" if attr and "." not in attr else ""


def _behind(prop: FunctionFacts) -> str:
    """`self.<attr>` when the property answers only that attribute, or, the setter being the
    one kept under the name (defined after the getter), stores only into it what it is handed."""
    if prop.returns:
        return _answered(prop)
    written = list(prop.self_writes.items())
    attr = written[0][0] if len(written) == 1 and all(v.startswith("param:") for v in written[0][1]) else ""
    return f"self.{attr}" if attr and "." not in attr else ""
