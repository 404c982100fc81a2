"""Observer through a callable list: `class Event(list)` whose `__call__` calls every item,
an object that keeps one and fires it on a change, and objects appending their bound method
to it (`person.falls_ill.append(self.call_doctor)`). Subscribing and unsubscribing are the
list's own `append` / `remove`, so the subject has no attach method of its own."""

from __future__ import annotations

from agentls.patterns.context import Ctx, Ev, per_workspace
from agentls.patterns.workspace import ClassRef

_LISTS = frozenset({"list", "set", "UserList", "collections.UserList", "deque", "collections.deque"})

Row = tuple[str, float, list[Ev], list[ClassRef]]


def _event_class(ref: ClassRef) -> Ev | None:
    """A list subclass with a method calling each of its items: (line, why)."""
    if not any(b in _LISTS for b in ref.cls.bases):
        return None
    for m in ref.cls.methods.values():
        for loop in m.loops:
            if loop.iter == "self" and loop.target and any(c.func == loop.target for c in m.calls):
                return m.selection.line, f"`{m.name}` calls every subscriber it holds"
    return None


@per_workspace
def event_lists(ctx: Ctx) -> dict[str, list[Row]]:
    """Class key -> observer roles around callable event lists."""
    out: dict[str, list[Row]] = {}
    events: dict[str, ClassRef] = {}
    for ref in ctx.ws.all_classes():
        why = _event_class(ref)
        if why is not None:
            events[ref.key] = ref
            out.setdefault(ref.key, []).append(("subject", 0.8, [why], []))
    if not events:
        return out
    attrs: set[str] = set()  # attribute names holding an event list
    for ref in ctx.ws.all_classes():
        if ref.key in events:
            continue
        for m in ref.cls.methods.values():
            for attr, values in m.self_writes.items():
                for v in values:
                    r = ctx.resolve(v[5:], ref.module) if v.startswith("call:") else None
                    if r is None or r.key not in events:
                        continue
                    attrs.add(attr)
                    ev: Ev = (m.selection.line, f"keeps the `{r.cls.name}` subscribers list `self.{attr}`")
                    out.setdefault(ref.key, []).append(("subject", 0.75, [ev], [r]))
                    # Subclasses firing the list they inherit are the observable objects.
                    for d in ctx.descendants(ref):
                        fire = [f for f in d.cls.methods.values() if any(c.func == f"self.{attr}" for c in f.calls)]
                        if fire and d.key not in out:
                            text = f"`{fire[0].name}` notifies the subscribers of `self.{attr}`"
                            out[d.key] = [("subject", 0.75, [(fire[0].selection.line, text)], [ref])]
    if not attrs:
        return out
    for ref in ctx.ws.all_classes():
        if ref.key in out:
            continue
        for m in ref.cls.methods.values():
            for op in m.container_ops:
                tail = op.container.rpartition(".")[2]
                if op.op in ("append", "add") and tail in attrs and op.arg.startswith("attr:self."):
                    ev = (m.selection.line, f"subscribes `{op.arg[5:]}` to `{op.container}`")
                    out[ref.key] = [("concrete_observer", 0.75, [ev], [])]
                    break
            if ref.key in out:
                break
    return out
