"""A class presenting one interface over an object of another (an adapter's shape), asked by
the detectors that would otherwise take it for a holder of their own pattern: the invoker of a
command, the context of a strategy."""

from __future__ import annotations

from agentls.patterns.context import Ctx
from agentls.patterns.facts import Call, FunctionFacts
from agentls.patterns.workspace import ClassRef


def translates(ctx: Ctx, ref: ClassRef, api: set[str]) -> bool:
    """Every public method (two or more) of ``ref`` calls a request of ``api`` on the one object
    handed to its constructor, two or more requests in all and one at least under another name,
    and those methods are what an interface of the program declares, a base of ``ref`` or a
    `Protocol` (`DuckAdapter(Turkey)`: `gobble()` calling `self.duck.quack()`, `fly()` calling
    `self.duck.fly()`). It presents the Turkey interface over a Duck: an adapter. An invoker
    triggers the commands it keeps under names of its own (`on_button_pushed`, `undo`) that
    no interface of the program declares."""
    public = ref.cls.public_methods
    if len(public) < 2:
        return False

    def requests(m: FunctionFacts) -> list[Call]:
        return [c for c in m.calls if c.method in api and c.receiver.startswith("self.") and "[" not in c.receiver]

    served: dict[str, str] = {}
    receivers: set[str] = set()
    for name, m in public.items():
        calls = requests(m)
        if calls:
            receivers.update(c.receiver for c in calls)
            served[name] = calls[0].method
        elif not any(c.receiver == "self" and (o := ref.cls.methods.get(c.method)) and requests(o) for c in m.calls):
            # Nor through one of its own methods that does (`fly()` printing what
            # `self.get_flying_capacity()` asks the held turkey): it serves that one by itself.
            return False
    if len(receivers) != 1 or len(set(served.values())) < 2 or all(n == r for n, r in served.items()):
        return False
    held = ctx.collabs(ref).get(next(iter(receivers))[5:])
    if held is None or not held.from_param or held.container:
        return False
    names = set(public)
    # What the interface declares, abstract or with a default body (`def fly(self): pass` beside
    # an abstract `quack`).
    if any(a.cls.is_interface and set(a.cls.public_methods) == names for a in ctx.ancestors(ref)):
        return True
    # The interface it presents by structure: a Protocol it need not name (`Turkey`).
    return any(c.cls.is_protocol and set(c.cls.public_methods) == names for c in ctx.ws.all_classes())
