"""Where a held family's object is replaced by another of its implementations: the state
changes that tell a state machine from a strategy chosen once."""

from __future__ import annotations

from typing import TYPE_CHECKING

from agentls.patterns.context import Ctx
from agentls.patterns.detectors._shared import hands_out_own
from agentls.patterns.facts import FunctionFacts, ModuleIndex

if TYPE_CHECKING:  # `_families` asks these for its kinds: only its type is needed here
    from agentls.patterns.detectors._families import Held


def transitions(ctx: Ctx, h: Held) -> list[tuple[int, str]]:
    """Places where the held object is replaced by another implementation: a state change."""
    key = ("transitions", h.interface.key, h.holder.key, h.collab.attr)
    if key not in ctx._cache:
        ctx._cache[key] = _transitions(ctx, h)
    return ctx._cache[key]  # type: ignore[no-any-return]


def _transitions(ctx: Ctx, h: Held) -> list[tuple[int, str]]:
    keys = {i.key for i in h.impls}
    holder_methods = h.holder.cls.methods
    # Holder attributes that keep a family member (`self.fmstate = FmState(self)`).
    kept = {c.attr for c in ctx.collabs(h.holder).values() if any(t.key in keys for t in c.types)}
    # Holder methods that replace the held object with their argument (`transition_to(state)`).
    setters = {
        n
        for n, m in holder_methods.items()
        if any(v.startswith("param:") for v in m.self_writes.get(h.collab.attr, []))
    }
    out = []

    # Holder getters handing out a kept state (`get_sold_state()` returning `self.sold_state`).
    getters = {n: a for n, m in holder_methods.items() if not m.params for a in kept if f"attr:self.{a}" in m.returns}

    def member(value: str, module: ModuleIndex) -> str | None:
        if value.startswith("call:"):
            tail = value.rpartition(".")[2]
            if "." in value and tail in getters:
                return getters[tail]  # `machine.set_state(machine.get_sold_state())`
            r = ctx.resolve(value[5:], module)
            if r is None and "." in value[5:]:  # a state's own accessor (`Urgent.get_instance()`)
                owner, _, meth = value[5:].rpartition(".")
                r = ctx.resolve(owner, module)
                r = r if r is not None and hands_out_own(ctx, r, meth) else None
            return r.cls.name if r is not None and r.key in keys else None
        if value.startswith("attr:") and value.rpartition(".")[2] in kept:
            return value.rpartition(".")[2]
        return None

    for impl in h.impls:
        for m in impl.cls.methods.values():
            for s in m.attr_stores:
                # Through the attribute itself or a property setter writing it
                # (`self.context.state = B()` with `@state.setter` storing `self._state`).
                hit = s.attr == h.collab.attr or s.attr in setters
                name = member(s.value, impl.module) if hit else None
                if name is not None:
                    out.append((m.selection.line, f"`{impl.cls.name}.{m.name}` switches the context to `{name}`"))
            for call in m.calls:
                if call.method in setters and call.receiver not in ("", "self"):
                    name = next((n for a in call.args if (n := member(a, impl.module))), None)
                    if name is not None:
                        out.append(
                            (m.selection.line, f"`{impl.cls.name}.{m.name}` asks the context to switch to `{name}`")
                        )
                    elif call.args == ("self",) and not call.method.startswith("__"):
                        # Each state installing itself when it acts (`context.set_state(self)`):
                        # the context's state is replaced by whichever acted last.
                        out.append((m.selection.line, f"`{impl.cls.name}.{m.name}` makes itself the context's state"))
            # A sibling made around this object (`Subquery(self)`, `Alias(self, name)`) wraps it:
            # an immutable expression growing, not the next state replacing it.
            wrapped = {r.key for c, r in ctx.instantiations(m, impl.module) if "self" in c.args}
            for r in ctx.returned_classes(m, impl.module):
                if r.key in keys and r != impl and r.key not in wrapped:
                    out.append((m.selection.line, f"`{impl.cls.name}.{m.name}` returns the next state `{r.cls.name}`"))
    writes = []
    for m in holder_methods.values():
        if f"attr:self.{h.collab.attr}" in m.returns:
            continue  # hands what it made to its caller (`begin()` returning the transaction)
        for v in m.self_writes.get(h.collab.attr, []):
            name = member(v, h.holder.module)
            if name is not None and m.name != "__init__":
                writes.append((m, f"`{m.name}` switches to `{name}`"))
        # Through its own setter (`take_damage` calling `self.set_state(DeadState())`).
        for call in m.calls if m.name not in setters and m.name != "__init__" else ():
            if call.receiver == "self" and call.method in setters:
                name = next((n for a in call.args if (n := member(a, h.holder.module))), None)
                if name is not None:
                    writes.append((m, f"`{m.name}` switches to `{name}` through `{call.method}`"))
    # The context replacing its state counts when the replacements are spread over its
    # methods, or when one method picks the next state from the current one; one setter
    # choosing among implementations by its argument (`set_output_format(fmt)`) is a client
    # configuring a strategy.
    methods = {m.name for m, _ in writes}
    if len(writes) >= 2 and (len(methods) >= 2 or any(h.collab.attr in m.self_reads for m, _ in writes)):
        out.extend((m.selection.line, text) for m, text in writes)
    elif len(writes) == 1 and _moves_on(h, writes[0][0]):
        out.append((writes[0][0].selection.line, writes[0][1]))
    return out


def _moves_on(h: Held, m: FunctionFacts) -> bool:
    """One public event of the context's own, taking nothing, moving it on from the state it
    starts in (set by `__init__`, or a dataclass field's default) to another it names
    (`pay_for_premium_account()`: `self.level = PremiumLevel()`): a transition, where a client
    configuring a strategy hands the implementation in, and a set-up method making the
    attribute for the first time (`create_widgets()`) starts nothing."""
    if m.params or not m.is_public:
        return False
    attr = h.collab.attr
    init = h.holder.cls.methods.get("__init__")
    first = init.self_writes.get(attr, []) if init is not None else []
    if not first and not (h.holder.cls.dataclass and attr in h.holder.cls.fields):
        return False
    return not set(m.self_writes.get(attr, [])) & set(first)
