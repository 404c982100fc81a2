"""Forms of the Memento detector kept apart from ``memento`` (module size): what a snapshot
packs of its originator's state, and a caretaker the client drives, holding no originator
itself."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from agentls.patterns.context import Collab, Ctx
from agentls.patterns.facts import Call, FunctionFacts
from agentls.patterns.workspace import ClassRef

COPIES = frozenset({"copy", "deepcopy", "copy.copy", "copy.deepcopy", "dict"})


def own(value: str) -> str | None:
    """The own attribute a value reads: `self.x`, or a copy of it (`self.x.copy()`)."""
    for prefix in ("attr:self.", "call:self."):
        if value.startswith(prefix):
            return value[len(prefix) :].split(".")[0]
    return None


def copied_own(m: FunctionFacts) -> dict[str, set[str]]:
    """The copies of its own attributes ``m`` makes (`copy.deepcopy(self._state)`, so later
    changes to the state do not reach the snapshot): the call value -> the attributes copied."""
    copied: dict[str, set[str]] = {}
    for c in m.calls:
        if c.func in COPIES and c.args and (a := own(c.args[0])):
            copied.setdefault(f"call:{c.func}", set()).add(a)
    return copied


def _answered(methods: Mapping[str, FunctionFacts], value: str) -> str | None:
    """The own attribute an own getter answers (`call:self.get_memo` for `get_memo()`
    returning `self.__memo`): the state it hands out, as `self.__memo` itself would."""
    getter = methods.get(value[10:]) if value.startswith("call:self.") else None
    if getter is None or len(getter.params) > 0 or len(getter.returns) != 1:
        return None
    return own(getter.returns[0]) if getter.returns[0].startswith("attr:self.") else None


def set_back(methods: Mapping[str, FunctionFacts], m: FunctionFacts) -> set[str]:
    """Own attributes ``m`` writes back through an own setter handed its argument's fields or
    getters (`self.add_memo(memento.get_memo())`, `add_memo` writing `self.__memo` from its
    parameter): a restore through the class's own accessors."""
    if not m.params:
        return set()
    p = m.params[0].name
    out: set[str] = set()
    for c in m.calls:
        setter = methods.get(c.func[5:]) if c.func.startswith("self.") else None
        if setter is None or setter is m or not any(a.startswith((f"attr:{p}.", f"call:{p}.")) for a in c.args):
            continue
        out |= {a for a, vs in setter.self_writes.items() if any(v.startswith("param:") for v in vs)}
    return out


def typed_snapshots(c: Collab, originators: Mapping[str, tuple[ClassRef, Any]]) -> bool:
    """An attribute declared to hold snapshots (`mementos: list[Memento]`), handed in rather
    than made empty: the caretaker's store all the same."""
    mementos = {mem.key for _, f in originators.values() for mem in f.mementos}
    return any(t.key in mementos for t in c.types)


def packed_own(
    m: FunctionFacts, call: Call, copied: dict[str, set[str]], methods: Mapping[str, FunctionFacts]
) -> set[str]:
    """The own attributes ``call`` packs when every argument is one of them, a copy of one, or
    a parameter of ``m`` labelling the snapshot (`DocumentMemento(self.title, self.body,
    action, description)`: what was done, not state), the labels no more than the attributes;
    empty otherwise (`copy.deepcopy(self.__dict__)` as the snapshot itself, or a value built
    from what ``m`` is handed)."""
    state = [v for v in call.args if own(v) or v in copied]
    labels = [v for v in call.args if v.startswith("param:") and m.param(v[6:]) is not None]
    packed = {a for v in state if (a := _answered(methods, v) or own(v))}
    packed |= {a for v in state for a in copied.get(v, ())}
    if len(state) + len(labels) < len(call.args) or len(packed) < len(state) or len(labels) > len(packed):
        return set()
    return packed


def handed_snapshots(ctx: Ctx, ref: ClassRef, originators: Mapping[str, tuple[ClassRef, Any]]) -> ClassRef | None:
    """The originator whose snapshots the class keeps, when one of its methods hands a kept one
    back (`return self._mementos[index]`): the method filling one of its collections takes
    that originator's snapshot class by annotation (`push(self, memento: EditorMemento)`), or
    the program hands it a snapshot straight from the save method, made in the call
    (`care_taker.add(originator.save_to_memento())`) or held in a local for it (`m =
    doc.create_memento(); history.push(m)`): a caretaker the client drives, holding no
    originator itself."""
    fillers = {
        m.name: m
        for m in ref.cls.methods.values()
        if m.is_public
        and any(op.container.startswith("self.") and op.arg.startswith("param:") for op in m.container_ops)
    }
    kept = {op.container for m in ref.cls.methods.values() for op in m.container_ops}
    hands_back = any(
        (v.startswith("sub:") and v[4:] in kept) or (v.startswith("call:") and v[5:].removesuffix(".pop") in kept)
        for m in ref.cls.methods.values()
        for v in m.returns
    )
    if not fillers or not hands_back:
        return None
    by_memento = {mem.key: r for r, f in originators.values() for mem in f.mementos}
    for m in fillers.values():
        for op in m.container_ops:
            p = m.param(op.arg[6:]) if op.arg.startswith("param:") else None
            for t in ctx.annotation_refs(p.annotation if p else None, ref.module):
                if t.key in by_memento:
                    return by_memento[t.key]
    saves = {f.save.name: r for r, f in originators.values() if f.save is not None}
    if not saves:
        return None
    for module in ctx.ws.modules():
        for unit in module.units():
            for c in unit.calls:
                if c.method in fillers:
                    for a in c.args:
                        made = a[5:] if a.startswith("call:") else ""
                        made = made or (unit.call_locals.get(a[5:], "") if a.startswith("name:") else "")
                        orig = saves.get(made.rpartition(".")[2]) if made else None
                        if orig is not None:
                            return orig
    return None


def reads_snapshot(ctx: Ctx, m: FunctionFacts, snapshot: ClassRef) -> bool:
    """What the restore ``m`` reads off its argument (`memento.get_state()`, `m.text`) is
    something the snapshot class answers: a builder's step writing `self._method =
    method.upper()` reads a string's method, not a snapshot's field."""
    if not m.params:
        return True  # the originator's own history, read through a local
    p = m.params[0].name
    values = [v for vs in m.self_writes.values() for v in vs] + [a for c in m.calls for a in c.args]
    read = {v.split(".", 2)[1] for v in values if v.startswith((f"attr:{p}.", f"call:{p}."))}
    answered = set(ctx.all_methods(snapshot)) | snapshot.cls.instance_attrs() | set(snapshot.cls.fields)
    return read <= answered


def restores_kept(m: FunctionFacts) -> set[str]:
    """Own attributes written back from the fields of a local, in a method reading an entry of
    an own container (`self.history[-1]`, `self.history.pop()`): the snapshot it keeps."""
    reads_own = any(c.startswith("self.") for c, _ in m.subscripts) or any(
        c.method == "pop" and c.receiver.startswith("self.") for c in m.calls
    )
    if not reads_own:
        return set()
    out = set()
    own = {f"{c}[]." for c, _ in m.subscripts if c.startswith("self.")}
    for a, vs in m.self_writes.items():
        for v in vs:
            head = v[5:].partition(".")[0] if v.startswith("attr:") else ""
            # off a local, or straight off the entry (`self.text = self.history[-1].text`)
            local = head and head != "self" and m.param(head) is None and "." in v[5:]
            if local or (head == "self" and any(v[5:].startswith(e) for e in own)):
                out.add(a)
    return out
