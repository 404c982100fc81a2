"""Strategies picked by key: a module table of functions (`handlers[kind](value)`), and
objects a context keeps by name in a table of its own and picks per call (a method storing
what it is handed, typed as an interface, under a key: `self._methods[name] = method`;
another picking one by key and running it: `method = self._methods[name];
method.charge(amount)`; clients registering two or more implementations made without
arguments, or the context making them into a dict itself: `{"zip": Zip(), "gzip": Gzip()}`)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from agentls.patterns.context import Ctx, per_workspace
from agentls.patterns.detectors._messages import message_roles
from agentls.patterns.detectors._passed import _handed, _receiver_class
from agentls.patterns.detectors._shared import is_exception, is_repository, is_test_file, is_uow
from agentls.patterns.facts import Call, FunctionFacts, ModuleIndex
from agentls.patterns.model import Detection
from agentls.patterns.workspace import ClassRef


@dataclass
class Keyed:
    interface: ClassRef
    impls: list[ClassRef]
    context: ClassRef
    table: str  # the attribute keeping them: `_methods`
    register: str  # the method storing one
    pick: FunctionFacts  # the method picking one by key and running it
    handed: list[ClassRef]


def _tables(ctx: Ctx, ref: ClassRef) -> list[tuple[str, str, ClassRef]]:
    """(table attribute, registering method, interface) for each method of the class storing
    a parameter typed as an interface with two or more implementations under a key."""
    out = []
    for m in ref.cls.methods.values():
        for op in m.container_ops:
            if op.op != "setitem" or not op.container.startswith("self.") or op.arg[:6] != "param:" or not op.key:
                continue
            p = m.param(op.arg[6:])
            for iface in ctx.annotation_refs(p.annotation, ref.module) if p is not None else []:
                if iface.cls.is_interface and len(ctx.concrete(iface)) >= 2:
                    out.append((op.container[5:], m.name, iface))
    return out


def _built_tables(ctx: Ctx, ref: ClassRef) -> list[tuple[str, str, ClassRef, list[ClassRef]]]:
    """(table attribute, method making it, interface, implementations) for a method writing
    one dict display into an attribute while making, without arguments, two or more
    implementations of one interface that it keeps in no attribute of their own
    (`self._strategies = {"zip": Zip(), "gzip": Gzip()}`): the context's own table of
    algorithms. One made with what it acts on (`LightOn(self.lamp)`) carries its request."""
    out = []
    for m in ref.cls.methods.values():
        tables = [a for a, vs in m.self_writes.items() if vs == ["dict"]]
        if len(tables) != 1 or not m.calls:
            continue
        direct = {v[5:] for vs in m.self_writes.values() for v in vs if v[:5] == "call:"}
        made: list[ClassRef] = []
        for c in m.calls:
            r = ctx.ws.resolve(ref.module, c.func) if c.func[:1].isupper() and c.func not in direct else None
            if r is not None and not c.args and r not in made:
                made.append(r)
        seen: dict[str, tuple[ClassRef, list[ClassRef]]] = {}
        for r in made:
            for anc in ctx.ancestors(r):
                if anc.cls.is_interface and anc not in ctx.ancestors(ref) and r in ctx.concrete(anc):
                    seen.setdefault(anc.key, (anc, []))[1].append(r)
        out += [(tables[0], m.name, iface, impls) for iface, impls in seen.values() if len(impls) >= 2]
    return out


def _picks(ref: ClassRef, table: str, iface: ClassRef, ctx: Ctx) -> FunctionFacts | None:
    """A method of the class reading the table by key and calling the interface's methods on
    what it read: through a local (`method = self._methods[name]`, the calls on a local no
    parameter names), on the element itself (`self._methods[name].charge(...)`), or on the
    attribute it puts it in (`self._strategy = self._strategies[name]`, then
    `self._strategy.pay(...)`)."""
    names = set(iface.cls.abstract_methods or iface.cls.public_methods)
    for m in ref.cls.methods.values():
        if not any(c == f"self.{table}" and k != "const" for c, k in m.subscripts):
            continue
        for attr, values in m.self_writes.items():
            held = ctx.collabs(ref).get(attr) if f"sub:self.{table}" in values else None
            if held is not None and names & set(held.methods):
                return m
        params = set(m.param_names)
        for c in m.calls:
            local = c.receiver and "." not in c.receiver and c.receiver != "self" and c.receiver not in params
            if c.method in names and (local or c.receiver == f"self.{table}[]"):
                return m
    return None


def _registered(ctx: Ctx, module: ModuleIndex, fn: FunctionFacts, call: Call) -> ClassRef | None:
    """The class whose method a client calls: a local made from a class (`checkout =
    Checkout()`), else as ``_passed`` reads a receiver."""
    made = fn.call_locals.get(call.receiver, "")
    if made[:1].isupper():
        return ctx.ws.resolve(module, made)
    return _receiver_class(ctx, module, call)


@per_workspace
def keyed_strategies(ctx: Ctx) -> list[Keyed]:
    """Contexts keeping implementations of an interface by key and running the one a key picks."""
    found: dict[tuple[str, str], Keyed] = {}
    for ref in ctx.ws.all_classes():
        for table, register, iface in _tables(ctx, ref):
            if is_repository(ctx, iface) or is_uow(ctx, iface) or is_exception(ctx, iface) or message_roles(ctx, iface):
                continue  # persistence ports, errors and messages are kept, not run
            pick = _picks(ref, table, iface, ctx)
            if pick is not None:
                impls = ctx.concrete(iface)
                found.setdefault((ref.key, register), Keyed(iface, impls, ref, table, register, pick, []))
        for table, builder, iface, made in _built_tables(ctx, ref):
            if is_repository(ctx, iface) or is_exception(ctx, iface) or message_roles(ctx, iface):
                continue
            pick = _picks(ref, table, iface, ctx)
            if pick is not None:
                found.setdefault((ref.key, builder), Keyed(iface, ctx.concrete(iface), ref, table, builder, pick, made))
    if not found:
        return []
    for module in ctx.ws.modules():
        if is_test_file(module):
            continue  # a test registering each implementation chooses nothing at run time
        for fn in module.units():
            for call in fn.calls:
                if not call.receiver or call.receiver == "self" or len(call.args) < 2:
                    continue
                owner = _registered(ctx, module, fn, call) if any(k[1] == call.method for k in found) else None
                k = found.get((owner.key, call.method)) if owner is not None else None
                if k is None:
                    continue
                for arg in call.args:
                    # Made without arguments: one made with what it acts on (`LightOn(lamp)`)
                    # carries its own request, a command.
                    handed = _handed(ctx, module, fn, call, arg)
                    if handed is not None and handed in k.impls and handed not in k.handed:
                        k.handed.append(handed)
    return [k for k in found.values() if len(k.handed) >= 2]


def keyed_detections(ctx: Ctx, pattern: str, done: set[tuple[str, str]]) -> Iterator[Detection]:
    """This module's classes in a family a context keeps by key; ``done`` holds (class key,
    role) already reported."""
    mine = {r.key for r in ctx.classes()}
    for k in keyed_strategies(ctx):
        names = ", ".join(f"`{h.cls.name}`" for h in k.handed[:3])
        where = f"`{k.context.cls.name}.{k.register}`"
        others = [(i, "concrete_strategy") for i in k.impls]
        found = [
            (
                k.interface,
                "strategy",
                [(k.interface.cls.selection.line, f"{names} are registered by key with {where}")],
                [*others, (k.context, "context")],
            ),
            (
                k.context,
                "context",
                [
                    (
                        k.pick.selection.line,
                        f"`{k.pick.name}` picks a `{k.interface.cls.name}` from `self.{k.table}` by key and runs it",
                    )
                ],
                [(k.interface, "strategy"), *others],
            ),
            *(
                (
                    i,
                    "concrete_strategy",
                    [(i.cls.selection.line, f"implements `{k.interface.cls.name}`; registered with {where}")],
                    [(k.interface, "strategy"), (k.context, "context")],
                )
                for i in k.impls
            ),
        ]
        for target, role, evidence, participants in found:
            if target.key in mine and (target.key, role) not in done:
                done.add((target.key, role))
                yield ctx.det(target, pattern, role, 0.7, evidence, participants)


def function_tables(ctx: Ctx, pattern: str) -> Iterator[Detection]:
    """A module table of functions picked by key and called: the function that picks is
    the context, the table's functions of this workspace the concrete strategies."""
    module = ctx.index
    for name, entries in module.dicts.items():
        callables = [e for e in entries if e.values and not e.is_list]
        if len(callables) < 2:
            continue
        fns = [found for e in callables for v in e.values if (found := ctx.ws.function(module, v)) is not None]
        users = [
            fn for fn in module.functions.values() if any(c.func in (f"{name}[]", f"{name}.get()") for c in fn.calls)
        ]
        if not fns or not users:
            continue
        for fn in users:
            yield ctx.det(
                fn,
                pattern,
                "context",
                0.7,
                [(fn.selection.line, f"picks a function from the table `{name}` by key and calls it")],
                [(f, "concrete_strategy") for m, f in fns if m is module],
            )
        for m, f in fns:
            if m is module:
                yield ctx.det(
                    f,
                    pattern,
                    "concrete_strategy",
                    0.7,
                    [(f.selection.line, f"one of the functions of the table `{name}`")],
                    [(u, "context") for u in users],
                )
