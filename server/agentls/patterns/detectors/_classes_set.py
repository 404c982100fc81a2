"""Classes clients hand a setter that makes what the holder keeps from the class it is handed
(`duck.set_fly(FlyRocketPowered)` to `def set_fly(self, fly): self.fly = fly()`): the
setter's counterpart of `_passed.classes_handed`, which reads constructors. Handing the class
configures the holder as handing an instance would (`duck.set_fly(FlyRocketPowered())` to a
setter storing it)."""

from __future__ import annotations

from agentls.patterns.context import Ctx, per_workspace
from agentls.patterns.detectors._handing import handing_units
from agentls.patterns.facts import FunctionFacts, ModuleIndex
from agentls.patterns.workspace import ClassRef


def makes_from_param(fn: FunctionFacts) -> bool:
    """A method other than the constructor writing an attribute by calling one of its
    parameters (`self.fly = fly()`)."""
    return fn.name != "__init__" and any(
        v.startswith("call:") and fn.param(v[5:]) is not None for vs in fn.self_writes.values() for v in vs
    )


def _receiver_classes(
    ctx: Ctx, module: ModuleIndex, fn: FunctionFacts, owner: ClassRef | None, receiver: str
) -> list[ClassRef]:
    """The classes the code says the receiver of a call is an object of: a local or module
    variable made from one (`model = ModelDuck()`), a parameter annotated with one, an
    attribute of the caller's class typed as one, or the caller itself (`self.set_fly(...)`).
    An object of unknown origin reaches no setter: a method name alone proves nothing."""
    if receiver == "self":
        return [owner] if owner is not None else []
    if receiver.startswith("self."):
        c = ctx.collabs(owner).get(receiver[5:]) if owner is not None else None
        return list(c.types) if c is not None else []
    if (p := fn.param(receiver)) is not None:
        return ctx.annotation_refs(p.annotation, module)
    made = fn.call_locals.get(receiver) or module.assigns.get(receiver, "").removeprefix("call:")
    r = ctx.ws.resolve(module, made) if made and made[:1].isalpha() else None
    return [r] if r is not None else []


@per_workspace
def classes_set(ctx: Ctx) -> dict[tuple[str, str, str], list[ClassRef]]:
    """(class key, setter name, parameter) -> the workspace classes (not instances) that
    clients pass there positionally, on an object of that class or of a subclass."""
    setters: dict[str, list[tuple[ClassRef, FunctionFacts]]] = {}
    for ref in ctx.ws.all_classes():
        for name, m in ref.cls.methods.items():
            if makes_from_param(m):
                setters.setdefault(name, []).append((ref, m))
    out: dict[tuple[str, str, str], list[ClassRef]] = {}
    for name, found in setters.items():
        for module, fn, owner in handing_units(ctx, calling=name):
            for call in fn.calls:
                if call.method != name or not call.args or not call.receiver:
                    continue
                objects = _receiver_classes(ctx, module, fn, owner, call.receiver)
                for ref, m in found:
                    if not any(o == ref or ref in ctx.ancestors(o) for o in objects):
                        continue
                    for p, arg in zip(m.params, call.args, strict=False):
                        if p.has_default or p.name.startswith("*"):
                            break  # keyword arguments are recorded after positional ones
                        r = class_named(ctx, module, arg)
                        kept = out.setdefault((ref.key, name, p.name), []) if r is not None else []
                        if r is not None and r not in kept:
                            kept.append(r)
    return out


def class_named(ctx: Ctx, module: ModuleIndex, value: str) -> ClassRef | None:
    """The workspace class an argument names (`MoveOnFeet`, not `MoveOnFeet()`)."""
    return ctx.ws.resolve(module, value[5:]) if value.startswith("name:") else None
