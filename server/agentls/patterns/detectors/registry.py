from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx, Target
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.detectors._registry_lookups import calls_entry, looks_up, looks_up_any, read_by_subclass
from agentls.patterns.facts import FunctionFacts
from agentls.patterns.model import Detection
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


def _builds_received(fn: FunctionFacts, containers: set[str], prefix: str) -> str | None:
    """The container fn stores an instance of a class it *receives* into, keyed by another
    argument (`self.routes[path] = controller_class(...)`)."""
    for op in fn.container_ops:
        if op.op != "setitem" or not op.container.startswith(prefix) or not op.key.startswith("param:"):
            continue
        name = op.container.removeprefix(prefix)
        p = fn.param(op.arg[5:]) if op.arg.startswith("call:") else None
        if name in containers and p is not None and p.name != op.key[6:]:
            return name
    return None


def _metaclass_registry(ref: ClassRef) -> tuple[FunctionFacts, str] | None:
    """A metaclass whose `__new__`/`__init__` stores each class it makes in a class-level dict,
    or in a dict of its module (`_impls[dict_["__dialect__"]] = cls`)."""
    if not any(b.rpartition(".")[2] in ("type", "ABCMeta") for b in ref.cls.bases):
        return None
    dicts = {a for a, v in ref.cls.class_attrs.items() if v == "dict"}
    for name in ("__new__", "__init__"):
        m = ref.cls.methods.get(name)
        if m is None:
            continue
        made = {f"name:{v[5:]}" for v in m.returns if v.startswith("name:")} | {"self", "name:cls", "param:cls"}
        for op in m.container_ops:
            if op.op != "setitem" or op.arg not in made:
                continue
            head, _, attr = op.container.partition(".")
            if attr in dicts and head in ("cls", "mcs", "self", "metacls"):
                return m, attr
            if not attr and head in ref.module.dicts:
                return m, head
    return None


def _filed_under(m: FunctionFacts) -> str | None:
    """The class attribute a metaclass files each class under (`cls._map[cls.__keyword__] =
    cls`), when it keys by one; None when it keys by something else (`dict_["__dialect__"]`)."""
    for op in m.container_ops:
        head, _, attr = op.key.removeprefix("attr:").partition(".")
        if op.op == "setitem" and op.key.startswith("attr:") and head in ("cls", "self") and attr.isidentifier():
            return attr
    return None


def _files_none(ctx: Ctx, ref: ClassRef, attr: str) -> bool:
    """`ref` declares no key for its metaclass, or inherits or states None: the metaclass
    filing by that attribute skips it (`__keyword__ = None` on the tag base)."""
    if attr in ("__name__", "__qualname__", "__module__"):
        return False  # every class has them
    for cls in (ref, *ctx.ancestors(ref)):
        if attr in cls.cls.class_attrs:
            return cls.cls.class_attrs[attr] == "none"
    return True


def _fills_itself(ref: ClassRef, m: FunctionFacts) -> bool:
    """A private storing method (`_keep`) that only the class's own methods call, each with an
    object it makes there (`self._keep("pg", PgConnector())`): the class fills its own cache;
    a registry keeps what its clients hand it."""
    if not m.name.startswith("_") or m.name.startswith("__"):
        return False
    calls = [c for o in ref.cls.methods.values() for c in o.calls if c.receiver == "self" and c.method == m.name]
    return bool(calls) and all(any(a.startswith("call:") for a in c.args) for c in calls)


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
      (`self._items[name] = obj`) and another method reads by key (an argument or a field of
      one, `self._kinds[config.kind]`) and calls or instantiates what it finds, directly or
      through a local it then answers (`queue_class = ...`, `return queue_class(config)`; not
      when looked up by the class of its argument, `.get(type(command))`: a message bus), or
      the registering method returns its argument, the decorator form.
      A key-value store of plain data is a cache, not a registry, and so is a private storing
      method only the class's own methods call, each with an object made there
      (`self._keep(kind, RoundBrush())`): it fills its own cache, nothing is registered.
    - A base class whose `__init_subclass__` (or a metaclass) stores each new class in a dict.
    - A module function that stores its argument in a module-level dict and returns it (the
      decorator form), with another function or code reading that dict by key; functions and
      classes decorated with it are `registered`.
    - A class whose method stores the callable it receives in a dict attribute (or a per-key
      bucket of one) and returns it, the decorator form, with entries read by key in the class
      or in a subclass; a subclass that reads them is a `registry` too, and functions decorated
      through a module-level instance (`app = Application()`, `@app.command_handler`) are
      `registered`.
    - A class whose method stores an instance of a class it receives, keyed by another argument
      (`self.routes[path] = controller_class(...)`), with another method returning the entry
      found by key; a method that answers from the map first and stores what it builds only
      on a miss (`get_or_create(key, creation_function)`) is a cache.
    - A metaclass whose `__new__`/`__init__` stores each class it makes in a class-level dict
      or a dict of its module; classes made by it are `registered`, except those that declare
      no value, or `None`, for the class attribute it files them under (the base with
      `__keyword__ = None` and the subclasses inheriting it).
    """

    id = "registry"
    category = "behavioural"
    roles: ClassVar[dict[str, str]] = {"registry": "registers and looks up entries", "registered": "an entry"}

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        yield from self._metaclasses(ctx)
        yield from self._decorated_by_instances(ctx)
        for ref in ctx.classes():
            dicts = {c.attr for c in ctx.collabs(ref).values() if c.container == "dict"}
            dicts |= {a for a, v in ref.cls.class_attrs.items() if v == "dict"}
            for m in ref.cls.methods.values():
                prefix = "cls." if m.kind == "classmethod" or m.name == "__init_subclass__" else "self."
                name = _registers(m, dicts, prefix) or _registers(m, dicts, "cls.")
                if not name:
                    built = _builds_received(m, dicts, prefix)
                    # Answering from the map first and storing what it builds on a miss
                    # (`get_or_create(key, creation_function)`) memoises values: a cache.
                    if built and looks_up(m, f"{prefix}{built}"):
                        continue
                    if built and any(
                        o is not m and o.returns and looks_up(o, f"{prefix}{built}") for o in ref.cls.methods.values()
                    ):
                        yield ctx.det(
                            ref,
                            self.id,
                            "registry",
                            0.8,
                            [(m.selection.line, f"`{m.name}` stores what the class it receives builds in `{built}`")],
                        )
                        break
                    continue
                # Entries must be behaviour (called or instantiated after lookup) or be registered
                # as a decorator returns them; a key-value store of data is a cache.
                readers = [
                    o
                    for o in ref.cls.methods.values()
                    if o is not m and looks_up(o, f"{prefix}{name}") and calls_entry(o, f"{prefix}{name}", ref.module)
                ]
                decorator_like = any(v.startswith("param:") for v in m.returns)
                if _fills_itself(ref, m):
                    continue  # a cache the class fills with objects it makes, nothing registered from outside
                if (
                    m.name == "__init_subclass__"
                    or readers
                    or (
                        decorator_like and (looks_up_any(ref, f"{prefix}{name}", m) or read_by_subclass(ctx, ref, name))
                    )
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
            readers = [o for o in functions if o is not fn and looks_up(o, name)]
            if top is not None and looks_up(top, name):
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
                if anc.key in _decorator_registries(ctx):
                    name = _decorator_registries(ctx)[anc.key][1]
                    readers = [m for d, m in read_by_subclass(ctx, anc, name) if d == ref]
                    if readers:
                        yield ctx.det(
                            ref,
                            self.id,
                            "registry",
                            0.8,
                            [(readers[0].selection.line, f"`{readers[0].name}` looks entries up in `{name}`")],
                            [(anc, "registry")],
                        )
                        break
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

    def _metaclasses(self, ctx: Ctx) -> Iterator[Detection]:
        for ref in ctx.classes():
            found = _metaclass_registry(ref)
            if found is not None:
                m, name = found
                yield ctx.det(
                    ref,
                    self.id,
                    "registry",
                    0.85,
                    [(m.selection.line, f"`{m.name}` stores each new class in `{name}`")],
                )
            meta = ref.cls.metaclass
            owner = ref
            if meta is None:
                owner = next((a for a in ctx.ancestors(ref) if a.cls.metaclass), ref)
                meta = owner.cls.metaclass
            mref = ctx.resolve(meta, owner.module) if meta else None
            filing = _metaclass_registry(mref) if mref is not None else None
            if mref is not None and filing is not None:
                attr = _filed_under(filing[0])
                if attr is not None and _files_none(ctx, ref, attr):
                    continue
                yield ctx.det(
                    ref,
                    self.id,
                    "registered",
                    0.8,
                    [(ref.cls.selection.line, f"made by the `{mref.cls.name}` metaclass, which registers it")],
                    [(mref, "registry")],
                )

    def _decorated_by_instances(self, ctx: Ctx) -> Iterator[Detection]:
        """Functions decorated with a registering method of a module-level registry instance
        (`app = Application()`, `@app.command_handler`)."""
        regs = _decorator_registries(ctx)
        if not regs:
            return
        targets: list[FunctionFacts | ClassRef] = [*ctx.index.functions.values(), *ctx.classes()]
        for t in targets:
            decorators = t.cls.decorators if isinstance(t, ClassRef) else t.decorators
            for dec in decorators:
                head, _, meth = dec.rpartition(".")
                value = ctx.index.assigns.get(head, "") if head and "." not in head else ""
                cls = ctx.resolve(value[5:]) if value.startswith("call:") else None
                if cls is None:
                    continue
                owner = next((r for r in [cls, *ctx.ancestors(cls)] if r.key in regs and meth in regs[r.key][0]), None)
                if owner is not None:
                    yield ctx.det(
                        t,
                        self.id,
                        "registered",
                        0.8,
                        [(ctx._where(t)[1], f"registered by `@{dec}` in `{regs[owner.key][1]}`")],
                        [(cls, "registry")],
                    )
                    break


def _decorator_registries(ctx: Ctx) -> dict[str, tuple[set[str], str]]:
    """Class key -> (registering methods, a map) for classes whose methods store the callable
    they receive in a dict attribute (or a per-key bucket of one) and return it (registering
    decorators), with entries read by key."""
    key = ("registry", "decorator_registries")
    hit = ctx._cache.get(key)
    if hit is not None:
        return hit  # type: ignore[no-any-return]
    out: dict[str, tuple[set[str], str]] = {}
    for ref in ctx.ws.all_classes():
        dicts = {
            a
            for m in ref.cls.methods.values()
            for a, vs in m.self_writes.items()
            if any(v in ("dict", "call:dict", "call:defaultdict", "call:collections.defaultdict") for v in vs)
        }
        if not dicts:
            continue
        for m in ref.cls.methods.values():
            if m.kind != "method" or not any(v.startswith("param:") for v in m.returns):
                continue
            name = _registers(m, dicts, "self.") or next(
                (
                    op.container[5:-2]
                    for op in m.container_ops
                    if op.op in ("add", "append")
                    and op.container.endswith("[]")
                    and op.container[5:-2] in dicts
                    and op.container.startswith("self.")
                    and op.arg in m.returns
                ),
                None,
            )
            if name and (looks_up_any(ref, f"self.{name}", m) or read_by_subclass(ctx, ref, name)):
                out.setdefault(ref.key, (set(), name))[0].add(m.name)
    ctx._cache[key] = out
    return out
