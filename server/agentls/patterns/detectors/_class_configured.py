"""A holder configured with the class of its algorithm through a class attribute (the library's
subclasses, or a constructor argument, set `storage_class`) or a key into a module table of
classes, and a method of the holder makes the object it keeps from whatever class that is."""

from __future__ import annotations

import builtins
from dataclasses import replace

from agentls.patterns.context import Collab, Ctx, per_workspace
from agentls.patterns.facts import FunctionFacts, ModuleIndex
from agentls.patterns.workspace import ClassRef


@per_workspace
def class_configured(ctx: Ctx) -> list[tuple[ClassRef, Collab]]:
    """Attributes filled by a method of the holder's own (`self.storage = self.create_storage()`)
    that answers, itself or through the holder's methods it answers in turn, an instance of the
    class kept in a class attribute (`Storage = self.storage_class; return Storage(self.name)`),
    which the holder's subclasses set to different classes (`storage_class = RedisStorage`), or
    of the class a module table of classes gives for a key (`return KINDS[kind](self.timeout)`,
    the key a constructor argument); classes the methods make by name on the way
    (`MemoryStorage(self.name)` for a test mode) are among what it may keep. Two or more
    classes in all: the holder is configured with one of them, a Strategy's context when they
    share an interface it calls. One class named once configures nothing."""
    out: list[tuple[ClassRef, Collab]] = []
    for holder in ctx.ws.all_classes():
        collabs = ctx.collabs(holder)
        for m in holder.cls.methods.values():
            for attr, values in m.self_writes.items():
                made = [v[len("call:self.") :] for v in values if v.startswith("call:self.") and "." not in v[10:]]
                if not made or attr not in collabs:
                    continue
                classes = _answered(ctx, holder, made)
                if len({c.key for c in classes}) >= 2:
                    out.append((holder, replace(collabs[attr], types=classes, from_param=True)))
    return out


def _answered(ctx: Ctx, holder: ClassRef, names: list[str]) -> list[ClassRef]:
    """The classes the holder's methods ``names`` answer instances of, following the holder's
    own methods they answer; none when a method answers anything else (a new instance of a
    class set in a class attribute counts, when subclasses set it to two or more classes)."""
    found: dict[str, ClassRef] = {}
    todo, seen = list(names), set()
    by_attr = _class_attrs(ctx, holder)
    while todo:
        name = todo.pop()
        m = holder.cls.methods.get(name)
        if name in seen or m is None:
            continue
        seen.add(name)
        for v in m.returns:
            callee = v.removeprefix("call:")
            if callee == v:
                return []
            if callee.startswith("self.") and "." not in callee[5:]:
                todo.append(callee[5:])
                continue
            r = ctx.resolve(callee, holder.module)
            if r is not None:
                found.setdefault(r.key, r)
                continue
            configured = _configured_classes(m, holder.module, callee, by_attr) or _tabled_classes(ctx, holder, callee)
            if not configured:
                return []
            found.update((c.key, c) for c in configured)
    return list(found.values())


def _configured_classes(
    m: FunctionFacts, module: ModuleIndex, local: str, by_attr: dict[str, list[ClassRef]]
) -> list[ClassRef]:
    """The classes a local the method calls may be: those of the class attributes it reads, when
    the name is a local of the method: no parameter (a class handed per call is the caller's
    choice), no builtin (`any(...)`) and no name of the module (an imported helper function)."""
    if m.param(local) is not None or "." in local or hasattr(builtins, local):
        return []
    if local in module.import_map or local in module.functions or local in module.classes or local in module.assigns:
        return []
    return [c for attr in sorted(m.self_reads & set(by_attr)) for c in by_attr[attr]]


def _tabled_classes(ctx: Ctx, holder: ClassRef, callee: str) -> list[ClassRef]:
    """The classes of a module table the method looks one up in and makes (`return
    KINDS[kind](self.timeout)` with `KINDS = {"fast": FastRunner, "slow": SlowRunner}`): the
    holder is configured with whichever the key names. Every value must be a class."""
    table = callee.removesuffix("[]")
    entries = holder.module.dicts.get(table) if table != callee and "." not in table else None
    if not entries:
        return []
    out: dict[str, ClassRef] = {}
    for e in entries:
        for v in e.values:
            r = ctx.resolve(v, holder.module)
            if r is None:
                return []
            out.setdefault(r.key, r)
    return list(out.values())


def _class_attrs(ctx: Ctx, holder: ClassRef) -> dict[str, list[ClassRef]]:
    """Class attributes of the holder that its subclasses set to two or more classes."""
    out: dict[str, dict[str, ClassRef]] = {}
    for c in [holder, *ctx.descendants(holder)]:
        for attr, value in c.cls.class_attrs.items():
            r = ctx.resolve(value[5:], c.module) if value.startswith("name:") else None
            if r is not None and attr in holder.cls.class_attrs:
                out.setdefault(attr, {})[r.key] = r
    return {attr: list(classes.values()) for attr, classes in out.items() if len(classes) >= 2}


def configured_made(ctx: Ctx, holder: ClassRef, fn: FunctionFacts) -> list[ClassRef]:
    """The classes a method of the holder answers a new instance of when each of its answers
    makes the class kept in a class attribute its subclasses set to two or more classes
    (`Storage = self.storage_class; return Storage(self.name)`): a factory whose products are
    those classes, the one made chosen by configuration. None when it answers anything else,
    or the class attribute is read directly (`self.storage_class(...)`: a factory method
    through a class attribute, whose subclasses are its creators)."""
    if not fn.returns:
        return []
    by_attr = _class_attrs(ctx, holder)
    if not by_attr:
        return []
    found: dict[str, ClassRef] = {}
    for v in fn.returns:
        callee = v.removeprefix("call:")
        configured = _configured_classes(fn, holder.module, callee, by_attr) if callee != v else []
        if not configured or ctx.resolve(callee, holder.module) is not None:
            return []
        found.update((c.key, c) for c in configured)
    return list(found.values())
