from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx, Target
from agentls.patterns.facts import FunctionFacts
from agentls.patterns.model import Detection
from agentls.patterns.registry import Detector, register
from agentls.patterns.workspace import ClassRef


def _registers(fn: FunctionFacts, containers: set[str], prefix: str) -> str | None:
    """The container fn stores a *received* object into (keyed or appended), if any."""
    for op in fn.container_ops:
        name = op.container.removeprefix(prefix) if prefix else op.container
        if name not in containers or (prefix and not op.container.startswith(prefix)):
            continue
        if op.op == "setitem" and (op.arg.startswith("param:") or op.arg in ("name:cls", "self")):
            own = op.key.startswith(f"attr:{op.arg.partition(':')[2]}.") and not op.key.endswith("__")
            if not own:  # keyed by the object's own domain attribute: a repository, not a registry
                return name
        if op.op in ("append", "add") and op.arg.startswith("param:") and fn.decorators == [] and fn.returns:
            return name
    return None


def _looks_up(fn: FunctionFacts, container: str) -> bool:
    return (
        any(c == container for c, k in fn.subscripts if k.startswith("param:"))
        or any(c.func == f"{container}.get" for c in fn.calls)
        or any(v == f"sub:{container}" for v in fn.returns)
    )


def _calls_entry(fn: FunctionFacts, container: str) -> bool:
    return (
        any(c.func in (f"{container}[]", f"{container}.get()") for c in fn.calls)
        or any(v in (f"call:{container}[]", f"call:{container}.get()") for v in fn.returns)
        or any(loop.iter == container and any(c.func == loop.target for c in fn.calls) for loop in fn.loops)
    )


def _looks_up_any(ref: ClassRef, container: str, skip: FunctionFacts) -> bool:
    return any(o is not skip and _looks_up(o, container) for o in ref.cls.methods.values())


@register
class Registry(Detector):
    """Keeps a well-known map from names (or types) to objects, functions or classes that
    register themselves, often with a decorator or `__init_subclass__`, so that code can look
    them up by key instead of importing them. It enables plug-ins and data-driven dispatch; the
    cost is import-time side effects and lookups that fail only at run time.

    ## Roles
    - `registry`: the class (or module function) that registers and looks up entries.
    - `registered`: an entry added through a registering decorator.

    ## How it is detected
    - A class with a dict attribute that one method fills with the object it receives
      (`self._items[name] = obj`) and another method reads by key and calls or instantiates
      what it finds (or the registering method returns its argument, the decorator form).
      A key-value store of plain data is a cache, not a registry.
    - A base class whose `__init_subclass__` (or a metaclass) stores each new class in a dict.
    - A module function that stores its argument in a module-level dict and returns it (the
      decorator form), with another function or code reading that dict by key; functions and
      classes decorated with it are `registered`.
    """

    id = "registry"
    category = "behavioural"
    roles: ClassVar[dict[str, str]] = {"registry": "registers and looks up entries", "registered": "an entry"}

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        for ref in ctx.classes():
            dicts = {c.attr for c in ctx.collabs(ref).values() if c.container == "dict"}
            dicts |= {a for a, v in ref.cls.class_attrs.items() if v == "dict"}
            for m in ref.cls.methods.values():
                prefix = "cls." if m.kind == "classmethod" or m.name == "__init_subclass__" else "self."
                name = _registers(m, dicts, prefix) or _registers(m, dicts, "cls.")
                if not name:
                    continue
                # Entries must be behaviour (called or instantiated after lookup) or be registered
                # as a decorator returns them; a key-value store of data is a cache.
                readers = [
                    o
                    for o in ref.cls.methods.values()
                    if o is not m and _looks_up(o, f"{prefix}{name}") and _calls_entry(o, f"{prefix}{name}")
                ]
                decorator_like = any(v.startswith("param:") for v in m.returns)
                if (
                    m.name == "__init_subclass__"
                    or readers
                    or (decorator_like and _looks_up_any(ref, f"{prefix}{name}", m))
                ):
                    why = "stores each subclass" if m.name == "__init_subclass__" else "stores the object it receives"
                    yield ctx.det(ref, self.id, "registry", 0.85, [(m.selection.line, f"`{m.name}` {why} in `{name}`")])
                    break
        module_dicts = {
            n
            for n, v in ctx.index.assigns.items()
            if v in ("dict", "call:dict", "call:defaultdict", "call:collections.defaultdict")
        }
        registrars: list[tuple[FunctionFacts, str]] = []
        for fn in ctx.index.functions.values():
            name = _registers(fn, module_dicts, "")
            if name and any(v.startswith("param:") or v.startswith("name:") for v in fn.returns):
                registrars.append((fn, name))
        functions = list(ctx.index.functions.values())
        top = ctx.index.toplevel
        for fn, name in registrars:
            readers = [o for o in functions if o is not fn and _looks_up(o, name)]
            if top is not None and _looks_up(top, name):
                readers.append(top)
            decorated: list[Target] = [f for f in functions if fn.name in f.decorators]
            decorated += [r for r in ctx.classes() if fn.name in r.cls.decorators]
            if readers or decorated:
                yield ctx.det(
                    fn,
                    self.id,
                    "registry",
                    0.8,
                    [(fn.selection.line, f"`{fn.name}` stores what it receives in `{name}`")],
                    [(d, "registered") for d in decorated],
                )
                for d in decorated:
                    yield ctx.det(
                        d,
                        self.id,
                        "registered",
                        0.8,
                        [(fn.selection.line, f"registered by `@{fn.name}` in `{name}`")],
                        [(fn, "registry")],
                    )
        for ref in ctx.classes():
            for anc in ctx.ancestors(ref):
                hook = anc.cls.methods.get("__init_subclass__")
                if hook is not None and _registers(
                    hook, {a for a, v in anc.cls.class_attrs.items() if v == "dict"}, "cls."
                ):
                    yield ctx.det(
                        ref,
                        self.id,
                        "registered",
                        0.8,
                        [(ref.cls.selection.line, f"subclassing `{anc.cls.name}` registers this class")],
                        [(anc, "registry")],
                    )
                    break
