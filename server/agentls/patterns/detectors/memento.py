from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.detectors._shared import is_data_holder
from agentls.patterns.model import Detection
from agentls.patterns.registry import Detector, register
from agentls.patterns.workspace import ClassRef


@register
class Memento(Detector):
    """Captures an object's internal state in a separate snapshot object so it can be restored
    later (undo, rollback) without exposing that state to the code keeping the snapshots. It
    preserves encapsulation; snapshots can be large and caretakers must bound how many they
    keep.

    ## Roles
    - `originator`: creates snapshots of itself and restores from them.
    - `memento`: the snapshot, a plain data holder.
    - `caretaker`: keeps snapshots without looking inside.

    ## How it is detected
    An originator with a method returning a new instance of a data-only class built only from
    its own attributes, and another method taking an argument and writing those same attributes
    back from that argument's fields. A class that stores what the originator's save method returns and
    later passes it back is the caretaker.
    """

    id = "memento"
    category = "behavioural"
    roles: ClassVar[dict[str, str]] = {
        "originator": "snapshots and restores itself",
        "memento": "the snapshot",
        "caretaker": "keeps snapshots",
    }

    def _originator(self, ctx: Ctx, ref: ClassRef) -> tuple[str, str, ClassRef | None] | None:
        """(save, restore, memento): save packs own attributes, restore writes them back."""
        save = restore = None
        memento: ClassRef | None = None
        packed: set[str] = set()
        restored: set[str] = set()
        for m in ref.cls.methods.values():
            if m.name.startswith("__"):
                continue
            calls, params = m.calls, m.params
            if not calls and not (params and m.self_writes):
                continue  # neither packs nor copies its state, nor writes it back
            for call in calls:
                args = call.args
                if not args or not args[0].startswith("attr:self."):
                    continue  # cheap test first: every argument must be an own attribute
                own = {a[10:] for a in args if a.startswith("attr:self.")}
                if len(own) != len(args):
                    continue
                r = ctx.resolve(call.func, ref.module)
                returned = f"call:{call.func}" in m.returns or any(v.startswith("name:") for v in m.returns)
                snapshot = r is not None and r != ref and is_data_holder(r.cls)
                if snapshot and returned and own and len(own) == len(call.args):
                    save, memento, packed = m.name, r, own
            if m.returns and not params:
                copies_state = any(
                    c.func in ("copy.deepcopy", "copy.copy", "deepcopy") and c.args[:1] == ("attr:self.__dict__",)
                    for c in calls
                )
                if copies_state:
                    save, packed = save or m.name, packed or {"__dict__"}
            if params and (m.self_writes or calls):
                p = params[0].name
                prefix = f"attr:{p}."
                writes = {a for a, vs in m.self_writes.items() if any(v.startswith(prefix) for v in vs)}
                if any(c.func == "self.__dict__.update" and c.args[:1] == (f"param:{p}",) for c in calls):
                    writes.add("__dict__")
                if writes:
                    restore, restored = m.name, writes
        if save and restore and save != restore and packed & restored:
            return save, restore, memento
        return None

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        originators = ctx._cache.get("originators")
        if originators is None:
            originators = {r.key: (r, f) for r in ctx.ws.all_classes() if (f := self._originator(ctx, r))}
            ctx._cache["originators"] = originators
        mementos = {f[2].key: (r, f) for r, f in originators.values() if f[2] is not None}
        for ref in ctx.classes():
            if ref.key in originators:
                save, restore, memento = originators[ref.key][1]
                yield ctx.det(
                    ref,
                    self.id,
                    "originator",
                    0.85,
                    [
                        (ref.cls.methods[save].selection.line, f"`{save}` captures its state in a snapshot"),
                        (ref.cls.methods[restore].selection.line, f"`{restore}` restores its state from one"),
                    ],
                    [(memento, "memento")] if memento else [],
                )
            if ref.key in mementos:
                orig = mementos[ref.key][0]
                yield ctx.det(
                    ref,
                    self.id,
                    "memento",
                    0.8,
                    [(ref.cls.selection.line, f"a plain snapshot created by `{orig.cls.name}`")],
                    [(orig, "originator")],
                )
            for c in ctx.collabs(ref).values():
                for t in c.types:
                    if t.key in originators and t != ref:
                        save, restore, _ = originators[t.key][1]
                        if {save, restore} <= set(c.methods):
                            yield ctx.det(
                                ref,
                                self.id,
                                "caretaker",
                                0.8,
                                [
                                    (
                                        c.methods[save],
                                        f"keeps the snapshots `{save}` returns and hands them back to `{restore}`",
                                    )
                                ],
                                [(t, "originator")],
                            )
