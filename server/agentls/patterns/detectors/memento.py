from __future__ import annotations

import builtins
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.detectors._memento_forms import (
    COPIES,
    copied_own,
    handed_snapshots,
    packed_own,
    reads_snapshot,
    restores_kept,
    set_back,
    typed_snapshots,
)
from agentls.patterns.detectors._shared import is_data_holder
from agentls.patterns.facts import FunctionFacts, ModuleIndex
from agentls.patterns.model import Detection
from agentls.patterns.workspace import ClassRef

_BUILTINS = frozenset(dir(builtins))


@dataclass
class _Orig:
    save: FunctionFacts | None
    restore: FunctionFacts
    mementos: list[ClassRef] = field(default_factory=list)
    confidence: float = 0.85


def _snapshot_class(ref: ClassRef) -> bool:
    """A snapshot only keeps what it was given: nothing but its constructor changes it (a
    frozen dataclass cannot be changed at all, whatever its methods try)."""
    cls = ref.cls
    if cls.is_interface or (not cls.methods.get("__init__") and not cls.dataclass and not cls.fields):
        return False
    if cls.dataclass and cls.frozen:
        return True
    return all(not m.self_writes and not m.container_ops for n, m in cls.methods.items() if n != "__init__")


def _restores(m: FunctionFacts) -> set[str]:
    """Own attributes a method writes back from the fields (or getters) of its argument, or,
    taking none, of an entry of its own history (`memento = self.mementos[-2]`, then
    `self.text = memento.text`)."""
    if not m.params:
        return restores_kept(m)
    p = m.params[0].name
    prefixes = (f"attr:{p}.", f"call:{p}.")
    out = {a for a, vs in m.self_writes.items() if any(v.startswith(prefixes) for v in vs)}
    if any(
        c.func == "self.__dict__.update" and c.args[:1] and c.args[0].startswith((f"param:{p}", *prefixes))
        for c in m.calls
    ):
        out.add("__dict__")
    return out


def _read_fields(m: FunctionFacts) -> set[str]:
    p = m.params[0].name
    return {r[len(p) + 1 :] for r in m.foreign_reads if r.startswith(f"{p}.") and "." not in r[len(p) + 1 :]}


def _holders_by_attrs(ctx: Ctx) -> dict[frozenset[str], list[ClassRef]]:
    key = ("memento", "holders_by_attrs")
    hit = ctx._cache.get(key)
    if hit is None:
        hit = {}
        for r in ctx.ws.all_classes():
            if is_data_holder(r.cls) and not r.cls.bases:
                attrs = frozenset(r.cls.instance_attrs() | set(r.cls.fields))
                if attrs:
                    hit.setdefault(attrs, []).append(r)
        ctx._cache[key] = hit
    return hit


def _originator(ctx: Ctx, ref: ClassRef) -> _Orig | None:
    methods = ref.cls.methods
    restores = {
        n: w for n, m in methods.items() if not n.startswith("__") and (w := _restores(m) | set_back(methods, m))
    }
    if not restores:
        return None  # cheap exit: nothing writes its state back from an argument
    for m in methods.values():
        if m.name.startswith("__"):
            continue
        # The snapshot is returned as made (`return Memento(self.x)`), or kept in a local and
        # returned (`m = Memento(self.balance); self.changes.append(m); return m`); a
        # mutator may hand one out as it changes (`deposit(amount)` returning the new state).
        local = any(v.startswith("name:") for v in m.returns)
        # ... or kept by the originator itself (`self.mementos.append(Memento(self.text))`,
        # or through a local: `snap = Memento(self.text); self.mementos.append(snap)`)
        kept = {op.arg for op in m.container_ops if op.op == "append" and op.container.startswith("self.")}
        local = local or any(v.startswith("name:") for v in kept)
        copied = copied_own(m)
        for call in m.calls:
            made = f"call:{call.func}"
            if (made not in m.returns and not local and made not in kept) or not call.args:
                continue
            packed = packed_own(m, call, copied, methods)
            if not packed:
                continue
            r = ctx.resolve(call.func, ref.module)
            if r is None and call.func.startswith(("self.", "cls.")):
                # a snapshot class nested in the originator (`self._Memento(self._state)`)
                r = ctx.resolve(f"{ref.cls.qualname}.{call.func.partition('.')[2]}", ref.module)
            if r is None or r == ref or not _snapshot_class(r):
                continue
            for n, written in restores.items():
                if n != m.name and packed & written and reads_snapshot(ctx, methods[n], r):
                    mementos = [r, *(a for a in ctx.interface_ancestors(r))]
                    taken = methods[n].params[0].annotation if methods[n].params else None
                    for t in ctx.annotation_refs(taken, ref.module):
                        if t not in mementos and t.cls.is_interface:
                            mementos.append(t)
                    return _Orig(m, methods[n], mementos)
        if m.returns and any(c.func in COPIES and c.args[:1] == ("attr:self.__dict__",) for c in m.calls):
            for n, written in restores.items():
                if n != m.name and "__dict__" in written:
                    return _Orig(m, methods[n])
    # A property whose setter restores the snapshot (the getter making it shares its name):
    # the snapshot is the one plain data class made of exactly the fields the setter reads.
    for n in restores:
        m = methods[n]
        if not any(d.endswith(".setter") for d in m.decorators):
            continue
        fields = _read_fields(m)
        cands = _holders_by_attrs(ctx).get(frozenset(fields), [])
        near = [c for c in cands if c.module is ref.module or c.module.module in ref.module.import_map.values()]
        near = near or [c for c in cands if any(i.name == c.cls.name for i in ref.module.imports)]
        if len(near) == 1 and fields <= {f.removeprefix("_") for f in restores[n]} | restores[n]:
            return _Orig(None, m, near, 0.75)
    return None


def _closure_mementos(ctx: Ctx) -> dict[str, tuple[ModuleIndex, FunctionFacts]]:
    """Module functions snapshotting their argument's `__dict__` and returning a closure that
    writes it back: qualified name -> (module, function)."""
    key = ("memento", "closures")
    hit = ctx._cache.get(key)
    if hit is None:
        hit = {}
        for module in ctx.ws.modules():
            for fn in module.functions.values():
                if not fn.params or not any(v.startswith("name:") for v in fn.returns):
                    continue
                p = fn.params[0].name
                reads = f"{p}.__dict__" in fn.foreign_reads
                writes = any(c.func == f"{p}.__dict__.update" for c in fn.calls)
                if reads and writes:
                    hit[f"{module.module}.{fn.name}"] = (module, fn)
        ctx._cache[key] = hit
    return hit


def _calls_closure(ctx: Ctx, module: ModuleIndex, fn: FunctionFacts) -> str | None:
    closures = _closure_mementos(ctx)
    if not closures:
        return None
    for call in fn.calls:
        if "." in call.func:
            continue
        target = module.import_map.get(call.func) or f"{module.module}.{call.func}"
        if target in closures:
            return call.func
    return None


def _unknown_local(module: ModuleIndex, name: str) -> bool:
    return (
        bool(name)
        and "." not in name
        and name not in _BUILTINS
        and name not in module.functions
        and name not in module.classes
        and name not in module.import_map
        and name not in module.assigns
    )


@register
class Memento(Detector):
    """Captures an object's internal state in a separate snapshot object so it can be restored
    later (undo, rollback) without exposing that state to the code keeping the snapshots. It
    preserves encapsulation; snapshots can be large and caretakers must bound how many they
    keep.

    ## Roles
    - `originator`: creates snapshots of itself and restores from them.
    - `memento`: the snapshot (a class, its interface, or a function closing over a copy).
    - `caretaker`: keeps snapshots without looking inside.

    ## How it is detected
    - An originator has a method returning a new instance of a snapshot class (one that
      nothing but its constructor changes, or a frozen dataclass; it may be nested in the
      originator: `self._Snap(self._text)`) built only from its own attributes (or copies of
      them: `self.lines.copy()`, `Memento(copy.deepcopy(self._state))`; labels the method is
      handed may travel with them, no more of them than attributes: `Snap(self.text, action)`;
      own getters count as what they answer: `Snap(self.get_memo())`), and another method
      taking an argument and writing those same attributes back
      from that argument's fields or getters (ones the snapshot class answers), directly or
      through an own setter (`self.set_memo(m.get_memo())`) (or a copy of `self.__dict__` and
      `self.__dict__.update`). The snapshot class and the interfaces it implements (or the
      restore method's annotation) are mementos. The snapshot may be returned through a
      local (`m = Memento(self.balance); self.changes.append(m); return m`), and the method
      making it may be a mutator handing out the new state (`deposit(amount)`). The
      originator may keep the snapshots itself: one method appending a new snapshot (or a
      local holding it) to a list of its own (`self.mementos.append(Memento(self.title,
      self.text))`), another, taking nothing, writing the attributes back from the fields of an
      entry of that list (`memento = self.mementos[-2]`, `self.text = memento.text`, or
      `self.text = self.mementos[-1].text`).
    - A property setter writing its own attributes back from exactly the fields of one plain
      data class of its module (or its imports) is a restore too; that class is the memento.
    - A module function that reads its argument's `__dict__` and returns a closure calling
      `obj.__dict__.update` is a memento (the closure form).
    - A caretaker keeps snapshots in a container (one it is handed declared as holding them
      counts: `history: list[Memento]`; or the last one in an attribute, set from
      what the originator's save answers) and hands one back: it holds the originator and
      calls its restore method (or assigns its restoring property), or it calls a closure
      memento and later calls what it returned (a loop over the kept closures, or the local
      result in an exception handler). One holding no originator is a caretaker when the
      program hands the method filling its collection an originator's snapshot from its
      save method (`care_taker.add(originator.save_to_memento())`, or through a local: `m =
      doc.save(); history.push(m)`), or that method takes the snapshot class by annotation
      (`push(self, m: DocMemento)`), and another of its methods hands a kept one back
      (`return self._mementos[index]`, 0.75).
    """

    id = "memento"
    category = "behavioural"
    roles: ClassVar[dict[str, str]] = {
        "originator": "snapshots and restores itself",
        "memento": "the snapshot",
        "caretaker": "keeps snapshots",
    }

    def _originators(self, ctx: Ctx) -> dict[str, tuple[ClassRef, _Orig]]:
        key = ("memento", "originators")
        hit = ctx._cache.get(key)
        if hit is None:
            hit = {r.key: (r, f) for r in ctx.ws.all_classes() if (f := _originator(ctx, r))}
            ctx._cache[key] = hit
        return hit

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        originators = self._originators(ctx)
        mementos: dict[str, ClassRef] = {}
        for r, f in originators.values():
            for m in f.mementos:
                mementos.setdefault(m.key, r)
        restore_names = {f.restore.name: (r, f) for r, f in originators.values()}
        for ref in ctx.classes():
            hit = originators.get(ref.key)
            if hit is not None:
                f = hit[1]
                ev = [(f.restore.selection.line, f"`{f.restore.name}` restores its state from a snapshot")]
                if f.save is not None:
                    ev.insert(0, (f.save.selection.line, f"`{f.save.name}` captures its state in a snapshot"))
                yield ctx.det(ref, self.id, "originator", f.confidence, ev, [(m, "memento") for m in f.mementos])
            if ref.key in mementos:
                orig = mementos[ref.key]
                yield ctx.det(
                    ref,
                    self.id,
                    "memento",
                    0.8,
                    [(ref.cls.selection.line, f"the snapshot `{orig.cls.name}` makes of its state")],
                    [(orig, "originator")],
                )
            yield from self._caretaker(ctx, ref, originators, restore_names)
        for fn in ctx.index.functions.values():
            if f"{ctx.index.module}.{fn.name}" in _closure_mementos(ctx):
                yield ctx.det(
                    fn,
                    self.id,
                    "memento",
                    0.8,
                    [(fn.selection.line, "copies its argument's `__dict__` and returns a closure writing it back")],
                )
            elif (name := _calls_closure(ctx, ctx.index, fn)) and any(
                _unknown_local(ctx.index, c.func) and not c.args for c in fn.calls if c.func != name
            ):
                yield ctx.det(
                    fn,
                    self.id,
                    "caretaker",
                    0.75,
                    [(fn.selection.line, f"takes a `{name}` snapshot and calls it back to restore")],
                )

    def _caretaker(
        self,
        ctx: Ctx,
        ref: ClassRef,
        originators: dict[str, tuple[ClassRef, _Orig]],
        restore_names: dict[str, tuple[ClassRef, _Orig]],
    ) -> Iterator[Detection]:
        methods = ref.cls.methods
        kept = {c.attr for c in ctx.collabs(ref).values() if c.container or typed_snapshots(c, originators)}
        kept |= {a for a, v in ref.cls.class_attrs.items() if v in ("list", "dict")}
        # The object form: holds the originator, keeps snapshots, hands one back to restore.
        if ref.key not in originators:
            stores = any(
                op.container[5:] in kept and op.op in ("append", "setitem", "add", "insert")
                for m in methods.values()
                for op in m.container_ops
            )
            for c in ctx.collabs(ref).values():
                if c.container or not (c.types or c.from_param):
                    continue
                typed = [originators[t.key] for t in c.types if t.key in originators]
                cands = typed or ([] if c.types else list(restore_names.values()))
                for orig, f in cands:
                    name = f.restore.name
                    called = c.methods.get(name)
                    assigned = next(
                        (
                            s.line
                            for m in methods.values()
                            for s in m.attr_stores
                            if s.receiver == f"self.{c.attr}" and s.attr == name
                        ),
                        None,
                    )
                    line = called if called is not None else assigned
                    # ... or keeps the last one in an attribute of its own (`memento =
                    # self._db.save(); self._memento = memento`): a one-slot caretaker
                    slot = f.save is not None and any(
                        any(x.receiver == f"self.{c.attr}" and x.method == f.save.name for x in m.calls)
                        and any(
                            a != c.attr and any(v.startswith(("name:", f"call:self.{c.attr}.")) for v in vs)
                            for a, vs in m.self_writes.items()
                        )
                        for m in methods.values()
                    )
                    if line is None or not (stores or slot):
                        continue
                    yield ctx.det(
                        ref,
                        self.id,
                        "caretaker",
                        0.8,
                        [(line, f"keeps `{orig.cls.name}` snapshots and hands one back to `{name}`")],
                        [(orig, "originator")],
                    )
                    return
        if ref.key not in originators and (handed := handed_snapshots(ctx, ref, originators)) is not None:
            yield ctx.det(
                ref,
                self.id,
                "caretaker",
                0.75,
                [(ref.cls.selection.line, f"the program hands it `{handed.cls.name}` snapshots to keep")],
                [(handed, "originator")],
            )
            return
        # The closure form: calls a closure memento, keeps what it returns, calls it later.
        makes = [m for m in methods.values() if _calls_closure(ctx, ref.module, m)]
        if not makes:
            return
        for m in methods.values():
            for loop in m.loops:
                if loop.target and loop.iter.startswith("self.") and any(c.func == loop.target for c in m.calls):
                    attr = loop.iter[5:]
                    if any(attr in mk.self_writes for mk in makes):
                        yield ctx.det(
                            ref,
                            self.id,
                            "caretaker",
                            0.8,
                            [(m.selection.line, f"`{m.name}` calls back every snapshot kept in `{loop.iter}`")],
                        )
                        return
            if m in makes and any(_unknown_local(ref.module, c.func) and not c.args for c in m.calls):
                yield ctx.det(
                    ref,
                    self.id,
                    "caretaker",
                    0.75,
                    [(m.selection.line, f"`{m.name}` takes a snapshot and calls it back to restore")],
                )
                return
