from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.facts import ModuleIndex
from agentls.patterns.model import Detection
from agentls.patterns.registry import Detector, register
from agentls.patterns.workspace import ClassRef


@register
class Command(Detector):
    """Turns a request into an object holding everything needed to perform it later: the
    receiver and the arguments, behind a uniform `execute`-style method. Invokers can queue,
    log, retry or undo requests without knowing what they do; the cost is a class per action.
    (A CQRS command, a plain data message handled elsewhere, is `cqrs_command`, not this.)

    ## Roles
    - `command`: the interface with the execute (and optionally undo) method.
    - `concrete_command`: binds a receiver and arguments.
    - `invoker`: stores commands and triggers them.

    ## How it is detected
    An interface with one or two public methods taking no arguments besides `self` (execute,
    undo), implemented by two or more classes that keep a receiver from their constructor and
    call it, *and* an invoker: a class that stores such objects and calls the interface's
    methods on them (without an invoker, a one-method interface such as `close()` is just a
    protocol). Data classes without behaviour never qualify.
    """

    id = "command"
    category = "behavioural"
    roles: ClassVar[dict[str, str]] = {
        "command": "execute interface",
        "concrete_command": "binds receiver and arguments",
        "invoker": "stores and triggers commands",
    }

    def _interface(self, ctx: Ctx, ref: ClassRef) -> tuple[str, list[ClassRef]] | None:
        key = ("command_iface", ref.key)
        if key not in ctx._cache:
            ctx._cache[key] = self._compute_interface(ctx, ref)
        return ctx._cache[key]  # type: ignore[no-any-return]

    def _compute_interface(self, ctx: Ctx, ref: ClassRef) -> tuple[str, list[ClassRef]] | None:
        abstract = ref.cls.abstract_methods
        if not abstract:
            return None  # cheap exit: no abstract method, no command interface
        public = ref.cls.public_methods
        if not (1 <= len(public) <= 2) or not abstract & set(public):
            return None
        if any(m.params for m in public.values()):
            return None
        impls = [d for d in ctx.concrete(ref) if self._binds_receiver(ctx, d, set(public))]
        return (next(iter(public)), impls) if len(impls) >= 2 else None

    def _binds_receiver(self, ctx: Ctx, ref: ClassRef, names: set[str]) -> bool:
        collabs = ctx.collabs(ref)
        for n in names:
            m = ref.cls.methods.get(n)
            if m and any(
                c.receiver.removeprefix("self.") in collabs and c.receiver.startswith("self.") for c in m.calls
            ):
                return True
        return False

    def _invoked(self, ctx: Ctx) -> set[str]:
        """Interfaces some invoker calls: without one, a one-method interface is just a protocol."""
        if "cmd_invoked" not in ctx._cache:
            found: set[str] = set()
            for module in ctx.ws.modules():
                other = Ctx(module, ctx.ws, ctx.settings)
                for ref in other.classes():
                    for d in self._invoker(other, ref):
                        found.update(p.symbol for p in d.participants)
            ctx._cache["cmd_invoked"] = found
        return ctx._cache["cmd_invoked"]  # type: ignore[no-any-return]

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        invoked = self._invoked(ctx)
        for ref in ctx.classes():
            found = self._interface(ctx, ref)
            if found and ref.cls.qualname in invoked:
                yield ctx.det(
                    ref,
                    self.id,
                    "command",
                    0.85,
                    [(ref.cls.methods[found[0]].selection.line, f"`{found[0]}()` is the single entry point")],
                    [(i, "concrete_command") for i in found[1]],
                )
            for anc in ctx.interface_ancestors(ref):
                found = self._interface(ctx, anc)
                if found and ref in found[1] and anc.cls.qualname in invoked:
                    m = ref.cls.methods.get(found[0])
                    yield ctx.det(
                        ref,
                        self.id,
                        "concrete_command",
                        0.85,
                        [((m or ref.cls).selection.line, f"`{found[0]}` acts on the receiver it was given")],
                        [(anc, "command")],
                    )
                    break
            yield from self._invoker(ctx, ref)

    def _invoker(self, ctx: Ctx, ref: ClassRef) -> list[Detection]:
        """Stores objects and calls a command interface's method on them (in a loop or as received).

        Memoised per class: ``_invoked`` asks about every class of the workspace, ``detect``
        again about its module's (the same module, so the same detection)."""
        if ctx.index is not ref.module:
            return list(self._compute_invoker(ctx, ref))
        key = ("cmd_invoker", ref.key)
        hit: tuple[ModuleIndex, list[Detection]] | None = ctx._cache.get(key)
        if hit is None or hit[0] is not ref.module:  # keys of same-named modules may clash
            hit = ctx._cache[key] = (ref.module, list(self._compute_invoker(ctx, ref)))
        return hit[1]

    def _compute_invoker(self, ctx: Ctx, ref: ClassRef) -> Iterator[Detection]:
        ifaces = self._all_interfaces(ctx)
        if not ifaces:
            return
        stored = {
            op.arg for m in ref.cls.methods.values() for op in m.container_ops if op.container.startswith("self.")
        }
        for m in ref.cls.methods.values():
            if not m.calls or not (m.loops or stored):
                continue  # no call, or nothing it could call a stored command through
            targets = {loop.target for loop in m.loops if loop.iter.startswith("self.") and loop.target}
            targets |= {p for p in m.param_names if f"param:{p}" in stored}
            for call in m.calls:
                if call.receiver not in targets:
                    continue
                for methods, iface in ifaces:
                    if call.method in methods:
                        yield ctx.det(
                            ref,
                            self.id,
                            "invoker",
                            0.75,
                            [(m.selection.line, f"stores commands and runs `{call.method}()` on them")],
                            [(iface, "command")],
                        )
                        return

    def _all_interfaces(self, ctx: Ctx) -> list[tuple[set[str], ClassRef]]:
        if "cmd_ifaces" in ctx._cache:
            return ctx._cache["cmd_ifaces"]  # type: ignore[no-any-return]
        out = []
        for ref in ctx.ws.all_classes():
            found = self._interface(ctx, ref)
            if found:
                out.append((set(ref.cls.public_methods), ref))
        ctx._cache["cmd_ifaces"] = out
        return out
