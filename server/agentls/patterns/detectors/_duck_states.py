"""Duck-typed state families: state classes with no base in common, each defining only some of
the requests, that the context holds in an attribute and delegates to, and that replace that
attribute on the context they are handed with instances of their siblings
(`order.state = PaidState()`, `player.state = PLAYING` with `PLAYING = PlayingState()`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from agentls.patterns.context import Ctx, per_workspace
from agentls.patterns.facts import ModuleIndex
from agentls.patterns.workspace import ClassRef


@dataclass
class DuckFamily:
    context: ClassRef
    attr: str
    line: int  # the context's first method keeping a state
    states: list[ClassRef] = field(default_factory=list)
    moves: list[tuple[int, str]] = field(default_factory=list)


def _member(ctx: Ctx, value: str, module: ModuleIndex) -> ClassRef | None:
    """The class of a new instance (`call:PaidState`) or of a module-level instance
    (`name:PLAYING` with `PLAYING = PlayingState()` in the same module)."""
    if value.startswith("name:"):
        value = str(module.assigns.get(value[5:], ""))
    if not value.startswith("call:"):
        return None
    return ctx.resolve(value[5:], module)


def _family(ctx: Ctx, ref: ClassRef, attr: str, values: list[str]) -> DuckFamily | None:
    cls = ref.cls
    # The context delegates to what it holds and hands itself over (`self.state.pay(self)`):
    # that is how a state reaches the attribute it replaces.
    asked = {
        c.method for m in cls.methods.values() for c in m.calls if c.receiver == f"self.{attr}" and "self" in c.args
    }
    if not asked:
        return None
    seen: dict[str, ClassRef] = {}
    todo = [r for v in values if (r := _member(ctx, v, ref.module)) is not None]
    moves: list[tuple[int, str]] = []
    while todo:
        s = todo.pop()
        if s.key in seen or s == ref:
            continue
        seen[s.key] = s
        for m in s.cls.methods.values():
            params = {p.name for p in m.params}
            for st in m.attr_stores:
                # A state switching the context it was handed, not an attribute of its own.
                if st.attr != attr or st.receiver not in params or st.receiver == "self":
                    continue
                nxt = _member(ctx, str(st.value), s.module)
                if nxt is not None and nxt != s and nxt != ref:
                    moves.append(
                        (m.selection.line, f"`{s.cls.name}.{m.name}` switches the context to `{nxt.cls.name}`")
                    )
                    todo.append(nxt)
    states = list(seen.values())
    # Two or more states, at least one switch between them, every state answering one of the
    # requests the context delegates, and no base in common (a shared interface is the held
    # family the main skeleton finds).
    if len(states) < 2 or not moves:
        return None
    if any(not (asked & set(s.cls.methods)) or ctx.ws.bases(s) for s in states):
        return None
    line = next((m.selection.line for m in cls.methods.values() if attr in m.self_writes), cls.selection.line)
    return DuckFamily(ref, attr, line, states, moves)


@per_workspace
def duck_states(ctx: Ctx) -> dict[str, list[tuple[str, DuckFamily]]]:
    """Class key -> (role, family) for every duck-typed state family the states switch."""
    out: dict[str, list[tuple[str, DuckFamily]]] = {}
    for ref in ctx.ws.all_classes():
        writes: dict[str, list[str]] = {}
        for m in ref.cls.methods.values():
            for attr, vs in m.self_writes.items():
                writes.setdefault(attr, []).extend(str(v) for v in vs)
        for attr, vs in writes.items():
            fam = _family(ctx, ref, attr, vs)
            if fam is None:
                continue
            out.setdefault(ref.key, []).append(("context", fam))
            for s in fam.states:
                out.setdefault(s.key, []).append(("concrete_state", fam))
    return out
