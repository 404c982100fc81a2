"""What clients hand over: strategies handed to the method that runs them (not held), a
client calling one method with different implementations of one interface; and classes
handed to a constructor that makes its collaborator from them (`Dial(Ascii)`)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from agentls.patterns.context import Collab, Ctx, per_workspace
from agentls.patterns.detectors._messages import message_roles
from agentls.patterns.detectors._shared import is_exception, is_repository, is_test_file, is_uow
from agentls.patterns.facts import Call, FunctionFacts, ModuleIndex
from agentls.patterns.model import Detection
from agentls.patterns.workspace import ClassRef


@dataclass
class Passed:
    interface: ClassRef
    impls: list[ClassRef]  # the family's concrete classes
    context: ClassRef
    method: FunctionFacts
    param: str
    passed: list[ClassRef] = field(default_factory=list)  # what the clients hand over


def _receiver_class(ctx: Ctx, module: ModuleIndex, receiver: str) -> ClassRef | None:
    """The class of a call's receiver when the module says it: a module variable made from a
    class (`CHARACTER = Character()`) or the class itself (a class or static method)."""
    value = module.assigns.get(receiver, "")
    if value.startswith("call:"):
        return ctx.ws.resolve(module, value[5:])
    if receiver[:1].isupper() and "." not in receiver:
        return ctx.ws.resolve(module, receiver)
    return None


def _handed(ctx: Ctx, module: ModuleIndex, fn: FunctionFacts, call: Call, arg: str) -> ClassRef | None:
    """The class an argument hands over: the class itself (`run(Walking)`) or an instance made
    without arguments (`run(Walking())`). An instance made with arguments carries its own
    request or receiver (`invoker.run(LightOn(lamp))`): a command, not an algorithm."""
    if arg.startswith("name:"):
        return ctx.ws.resolve(module, arg[5:])
    if arg.startswith("call:"):
        made = [c for c in fn.calls if c.func == arg[5:] and c.line == call.line]
        if made and not any(c.args for c in made):
            return ctx.ws.resolve(module, arg[5:])
    return None


def _uses(method: FunctionFacts, param: str, family_methods: set[str]) -> bool:
    """The method runs what it is given: calls it (`style(position)`, `strategy()`) or calls
    one of the family's methods on it."""
    return any(c.func == param or (c.receiver == param and c.method in family_methods) for c in method.calls)


def _family(ctx: Ctx, passed: list[ClassRef]) -> ClassRef | None:
    """The nearest workspace base that two or more of the handed classes derive from."""
    counts: dict[str, tuple[ClassRef, set[str]]] = {}
    for p in passed:
        for anc in ctx.ancestors(p):
            counts.setdefault(anc.key, (anc, set()))[1].add(p.key)
    best = None
    for anc, keys in counts.values():
        if len(keys) >= 2 and anc.cls.methods and (best is None or anc in ctx.ancestors(best[0])):
            best = (anc, keys)
    return best[0] if best is not None else None


@per_workspace
def passed_strategies(ctx: Ctx) -> list[Passed]:
    """Method parameters that clients fill with two or more implementations of one interface
    and that the method runs."""
    sites: dict[tuple[str, str, int], tuple[ClassRef, FunctionFacts, list[ClassRef]]] = {}
    for module in ctx.ws.modules():
        if is_test_file(module):
            continue  # a test trying each implementation in turn chooses nothing at run time
        fns = [*module.all_functions(), *([module.toplevel] if module.toplevel else [])]
        for fn in fns:
            for call in fn.calls:
                if not call.receiver or not call.args:
                    continue
                owner = _receiver_class(ctx, module, call.receiver)
                method = ctx.all_methods(owner).get(call.method) if owner is not None else None
                if owner is None or method is None or method.name.startswith("__"):
                    continue
                for i, arg in enumerate(call.args[: len(method.params)]):
                    handed = _handed(ctx, module, fn, call, arg)
                    if handed is not None:
                        entry = sites.setdefault((owner.key, method.name, i), (owner, method, []))
                        if handed not in entry[2]:
                            entry[2].append(handed)
    out: list[Passed] = []
    for (_, _, i), (owner, method, given) in sites.items():
        if len(given) < 2:
            continue  # one implementation passed: nothing is chosen
        iface = _family(ctx, given)
        if iface is None or iface == owner or owner in ctx.descendants(iface):
            continue
        if is_repository(ctx, iface) or is_uow(ctx, iface) or is_exception(ctx, iface) or message_roles(ctx, iface):
            continue  # persistence ports, errors and messages are handed over, not run
        param = method.params[i].name
        if not _uses(method, param, set(ctx.all_methods(iface))):
            continue
        impls = [d for d in ctx.descendants(iface) if not d.cls.is_interface]
        out.append(Passed(iface, impls, owner, method, param, [h for h in given if h in impls]))
    return out


def passed_detections(ctx: Ctx, pattern: str, done: set[tuple[str, str]]) -> Iterator[Detection]:
    """The detections of this module's classes in a family handed to the method that runs it;
    ``done`` holds (class key, role) already reported for a held family."""
    mine = {r.key for r in ctx.classes()}
    for p in passed_strategies(ctx):
        names = ", ".join(f"`{h.cls.name}`" for h in p.passed[:3])
        where = f"`{p.context.cls.name}.{p.method.name}({p.param})`"
        found: list[tuple[ClassRef, str, list[tuple[int, str]], list[tuple[ClassRef, str]]]] = []
        others = [(i, "concrete_strategy") for i in p.impls]
        found.append(
            (
                p.interface,
                "strategy",
                [(p.interface.cls.selection.line, f"{names} are handed to {where}, which runs them")],
                [*others, (p.context, "context")],
            )
        )
        for impl in p.impls:
            found.append(
                (
                    impl,
                    "concrete_strategy",
                    [(impl.cls.selection.line, f"implements `{p.interface.cls.name}`; handed to {where}")],
                    [(p.interface, "strategy"), (p.context, "context")],
                )
            )
        found.append(
            (
                p.context,
                "context",
                [(p.method.selection.line, f"runs the `{p.interface.cls.name}` it is handed in `{p.param}`")],
                [(p.interface, "strategy"), *others],
            )
        )
        for ref, role, evidence, participants in found:
            if ref.key in mine and (ref.key, role) not in done:
                done.add((ref.key, role))
                yield ctx.det(ref, pattern, role, 0.7, evidence, participants)


def made_from_param(ctx: Ctx, ref: ClassRef) -> list[tuple[ClassRef, Collab]]:
    """An object the class makes from the class it is handed (`self.renderer = renderer()`)
    and calls methods on, typed by the classes its clients hand it (`Dial(Ascii)`; the index
    records `call:renderer`, which names no class). Nothing handed at a call site: no type,
    and no holder (a factory called for a product of any kind)."""
    out: list[tuple[ClassRef, Collab]] = []
    init = ref.cls.methods.get("__init__")
    if init is None:
        return out
    collabs = ctx.collabs(ref)
    handed = classes_handed(ctx)
    for attr, values in init.self_writes.items():
        c = collabs.get(attr)
        if c is None or c.from_param or c.types or not c.methods:
            continue
        for p in init.params:
            types = handed.get((ref.key, p.name), []) if f"call:{p.name}" in values else []
            if types:
                out.append((ref, Collab(attr, list(types), True, [], dict(c.methods), "", init.selection.line)))
    return out


@per_workspace
def classes_handed(ctx: Ctx) -> dict[tuple[str, str], list[ClassRef]]:
    """(class key, constructor parameter) -> the workspace classes (not instances) that
    clients pass for it (`Dial(Ascii)`, `Dial(renderer=Svg)` is not read)."""
    out: dict[tuple[str, str], list[ClassRef]] = {}
    for module in ctx.ws.modules():
        for fn in [*module.all_functions(), *([module.toplevel] if module.toplevel else [])]:
            for call in fn.calls:
                if not call.args or not call.func[:1].isupper():
                    continue
                target = ctx.ws.resolve(module, call.func)
                init = ctx.all_methods(target).get("__init__") if target is not None else None
                if target is None or init is None:
                    continue
                for p, arg in zip(init.params, call.args, strict=False):
                    r = ctx.ws.resolve(module, arg[5:]) if arg.startswith("name:") else None
                    kept = out.setdefault((target.key, p.name), []) if r is not None else []
                    if r is not None and r not in kept:
                        kept.append(r)
    return out
