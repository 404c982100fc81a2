from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.detectors._shared import is_exception
from agentls.patterns.facts import FunctionFacts, ModuleIndex
from agentls.patterns.model import Detection
from agentls.patterns.workspace import ClassRef

_NEW = ("object.__new__", "super().__new__", "super().__call__", "type.__call__")


def _shared_instances(
    ctx: Ctx, fn: FunctionFacts, module: ModuleIndex, self_cls: ClassRef | None
) -> tuple[str, ClassRef] | None:
    """(cache, class) when fn returns cached instances keyed by its argument, creating on a miss."""
    for op in fn.container_ops:
        if op.op not in ("setitem", "setdefault") or op.key in ("const", "none", "", "name:cls", "self"):
            continue  # keyed by the class itself: one instance per class, a singleton
        created: ClassRef | None = None
        if op.arg.startswith("call:"):
            target = op.arg[5:]
            own = target in ("cls", *_NEW) and self_cls is not None
            created = self_cls if own else ctx.resolve(target, module)
        elif op.arg.startswith("name:") and op.arg in fn.returns:
            # `obj = cache.get(key); if obj is None: obj = ...; cache[key] = obj; return obj`
            # (`object.__new__(Card)`, `super().__call__(...)` in a metaclass): a new instance
            for c in fn.calls:
                if c.func in _NEW:
                    arg = c.args[0] if c.args else ""
                    named = ctx.resolve(arg[5:], module) if arg.startswith("name:") else None
                    created = named or self_cls
                    break
        if created is None or not _owned(fn, op.container, module, self_cls) or is_exception(ctx, created):
            continue
        fetched = any(c.func in (f"{op.container}.get", f"{op.container}.setdefault") for c in fn.calls)
        looked_up = fetched or op.container in fn.in_checks or any(c == op.container for c, _ in fn.subscripts)
        # ... and what comes back is the cached entry (`cache[key]`, `cache.get(key)`, the
        # instance it stored): a registration refusing a known key (`raise Duplicate`) and
        # returning something else stores objects, it hands out no shared one
        back = (
            f"sub:{op.container}" in fn.returns
            or f"call:{op.container}.get" in fn.returns
            or f"call:{op.container}.setdefault" in fn.returns
            or (op.arg.startswith("name:") and op.arg in fn.returns)
            # `lexer = cache.get(key); if lexer is None: cache[key] = lexer = Lexer(); return lexer`
            or (fetched and any(r.startswith("name:") for r in fn.returns))
        )
        if looked_up and back:
            return op.container, created
    return None


def _through_helpers(
    ctx: Ctx, fn: FunctionFacts, module: ModuleIndex, self_cls: ClassRef | None
) -> tuple[str, list[ClassRef]] | None:
    """(cache, classes) for a method doing the same through helpers of its class: it asks one
    with its argument, which answers the entry of an own dict (`self._get_cached(key)`), and
    on a miss hands a new instance to another, which stores what it is handed in that dict and
    answers it (`return self._store("pg", PgConnector())`)."""
    if self_cls is None or not fn.params:
        return None
    methods = self_cls.cls.methods
    given = {f"param:{p.name}" for p in fn.params}
    asked = [methods.get(c.method) for c in fn.calls if c.receiver == "self" and set(c.args) & given]
    lookups = {
        c
        for h in asked
        if h is not None
        for c, _ in h.subscripts
        if c.startswith("self.") and any(v != "none" for v in h.returns)
    }
    for c in fn.calls:
        store = methods.get(c.method) if c.receiver == "self" and f"call:{c.func}" in fn.returns else None
        if store is None:
            continue
        for op in store.container_ops:
            if (
                op.op == "setitem"
                and op.container in lookups
                and op.arg.startswith("param:")
                and op.arg in store.returns
            ):
                made = [
                    r
                    for c2 in fn.calls
                    if c2.func == c.func
                    for a in c2.args
                    if a.startswith("call:") and (r := ctx.resolve(a[5:], module)) is not None
                ]
                if made and not any(is_exception(ctx, r) for r in made):
                    return op.container, made
    return None


def _owned(fn: FunctionFacts, container: str, module: ModuleIndex, self_cls: ClassRef | None = None) -> bool:
    """The cache belongs to the factory: its own or its class's attribute (also named through
    the class, `FlyweightFactory._flyweights` in a static method), a module-level dict, or one
    it fetches from its class (`pool = getattr(cls, "pool", {})`); not a dict of another
    object it was handed (`form.fields`, `context`)."""
    head = container.partition(".")[0]
    if head in ("self", "cls") or (head == container and container in module.assigns):
        return True
    if self_cls is not None and head == self_cls.cls.name and container.count(".") == 1:
        return container.partition(".")[2] in self_cls.cls.class_attrs
    return any(c.func == "getattr" and c.args[:1] in (("name:cls",), ("self",)) for c in fn.calls)


def _created_into(ctx: Ctx, fn: FunctionFacts, module: ModuleIndex, container: str) -> list[ClassRef]:
    """Every class ``fn`` stores new instances of into ``container`` (a factory choosing among
    several flyweight classes on a miss)."""
    out: list[ClassRef] = []
    for op in fn.container_ops:
        if op.container == container and op.op in ("setitem", "setdefault") and op.arg.startswith("call:"):
            r = ctx.resolve(op.arg[5:], module)
            if r is not None and r not in out:
                out.append(r)
    return out


def _is_meta(ref: ClassRef) -> bool:
    return any(b.rpartition(".")[2] == "type" for b in ref.cls.bases)


def _mutable(ref: ClassRef) -> bool:
    """Changes its own state after construction: not safe to share. One public method
    assigning attributes (`merge`) may complete construction; collections it grows and shrinks
    (`push`/`pop`), or several methods changing it, are per-use state."""
    writers = 0
    for name, m in ref.cls.methods.items():
        if name.startswith("_") or m.kind == "property":
            continue
        if any(op.container.startswith("self.") for op in m.container_ops):
            return True
        writers += bool(m.self_writes)
    return writers >= 2


def _conf(ref: ClassRef) -> float:
    return 0.45 if _mutable(ref) else 0.8


@register
class Flyweight(Detector):
    """Shares fine-grained objects instead of creating one per use: a factory keeps a cache keyed
    by the objects' intrinsic (shared, immutable) state and returns the cached instance, while
    extrinsic state is passed in by callers. It saves memory when many objects are alike; shared
    objects must be immutable, and the cache can keep them alive forever.

    ## Roles
    - `flyweight_factory`: returns shared instances from its cache.
    - `flyweight`: the shared class.

    ## How it is detected
    A function, method or `__new__` that looks its argument up in a dict it owns (its own or
    its class's attribute, or a module-level dict: `key in cache`, `cache.get(key)`,
    `cache[key]`), on a miss stores a *new instance of a class* under that key (made there, or
    made with `object.__new__` / `super().__new__` into a local it then stores and returns),
    and returns the cached entry (`cache[key]`, `cache.get(key)` or the local it fetched it
    into, or the instance it stored: a registration refusing a known key and returning
    something else hands out no shared instance). A method may do so through helpers of its
    class: one it asks with its argument answering the dict's entry, another it hands a new
    instance on a miss storing and answering it (`return self._keep(kind, RoundBrush())`). A
    `__new__`, or a class or static method of
    the cached class, `CoffeeFlavour.intern(name)`, doing so is itself the
    `flyweight_factory`, its class the `flyweight`; a static method may name its class's cache
    through the class, `FlyweightFactory._flyweights[key]`; every class stored on a miss, and
    the abstract interface they implement, are `flyweight`s. A metaclass whose `__call__` does this is the
    `flyweight_factory` of the classes that declare it, which are `flyweight`s. Exceptions
    are never flyweights. Caches of arbitrary computed values are memoisation; a single instance
    with no key is a singleton; storing objects handed in by callers is a registry. Shared
    objects must be immutable: when the cached class changes its own state after construction
    (a per-key mutable collection, per-render state), both roles are reported below the
    default threshold (0.45).
    """

    id = "flyweight"
    category = "structural"
    roles: ClassVar[dict[str, str]] = {"flyweight_factory": "returns shared instances", "flyweight": "the shared class"}

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        for fn in ctx.index.functions.values():
            found = _shared_instances(ctx, fn, ctx.index, None)
            if found:
                yield ctx.det(
                    fn,
                    self.id,
                    "flyweight_factory",
                    _conf(found[1]),
                    [(fn.selection.line, f"returns the `{found[1].cls.name}` cached in `{found[0]}` for its key")],
                    [(found[1], "flyweight")],
                )
        shared = self._shared_classes(ctx)
        for ref in ctx.classes():
            if ref.key in shared:
                yield ctx.det(
                    ref,
                    self.id,
                    "flyweight",
                    _conf(ref),
                    [(ref.cls.selection.line, f"instances are shared through `{shared[ref.key]}`")],
                )
                continue
            for m in ref.cls.methods.values():
                helped = _through_helpers(ctx, m, ref.module, ref)
                if helped is not None and ref not in helped[1]:
                    what = f"`{m.name}` returns the `{helped[1][0].cls.name}` cached in `{helped[0]}` by its helpers"
                    yield ctx.det(
                        ref,
                        self.id,
                        "flyweight_factory",
                        _conf(helped[1][0]),
                        [(m.selection.line, what)],
                        [(r, "flyweight") for r in helped[1]],
                    )
                    break
                found = _shared_instances(ctx, m, ref.module, ref)
                if not found:
                    continue
                if found[1] == ref and _is_meta(ref):
                    users = self._meta_users(ctx).get(ref.key, [])
                    yield ctx.det(
                        ref,
                        self.id,
                        "flyweight_factory",
                        0.8,
                        [
                            (
                                m.selection.line,
                                f"`{m.name}` returns the instance cached in `{found[0]}` for equal arguments",
                            )
                        ],
                        [(u, "flyweight") for u in users],
                    )
                elif found[1] == ref:
                    yield ctx.det(
                        ref,
                        self.id,
                        "flyweight",
                        _conf(ref),
                        [(m.selection.line, f"`{m.name}` returns the shared instance for equal arguments")],
                    )
                    if m.name == "__new__" or m.kind in ("classmethod", "staticmethod"):
                        # the constructor hook (or a class-level accessor, `intern(cls, name)`)
                        # handing out the shared instance is the factory
                        yield ctx.det(
                            m,
                            self.id,
                            "flyweight_factory",
                            _conf(ref),
                            [(m.selection.line, f"returns the `{ref.cls.name}` cached in `{found[0]}` for its key")],
                            [(ref, "flyweight")],
                        )
                else:
                    yield ctx.det(
                        ref,
                        self.id,
                        "flyweight_factory",
                        _conf(found[1]),
                        [(m.selection.line, f"`{m.name}` returns the `{found[1].cls.name}` cached in `{found[0]}`")],
                        [(found[1], "flyweight")],
                    )
                break

    def _meta_users(self, ctx: Ctx) -> dict[str, list[ClassRef]]:
        """Classes by the key of the metaclass they declare."""
        key = ("flyweight_meta_users",)
        if key not in ctx._cache:
            out: dict[str, list[ClassRef]] = {}
            for ref in ctx.ws.all_classes():
                if ref.cls.metaclass:
                    meta = ctx.resolve(ref.cls.metaclass, ref.module)
                    if meta is not None:
                        out.setdefault(meta.key, []).append(ref)
            ctx._cache[key] = out
        return ctx._cache[key]  # type: ignore[no-any-return]

    def _shared_classes(self, ctx: Ctx) -> dict[str, str]:
        if "flyweights" not in ctx._cache:
            out: dict[str, str] = {}
            for module in ctx.ws.modules():
                for fn in module.functions.values():
                    if not fn.container_ops:
                        continue  # nothing cached: skip the call
                    found = _shared_instances(ctx, fn, module, None)
                    if found:
                        out[found[1].key] = fn.qualname
                for cls in module.classes.values():
                    ref = ClassRef(module, cls)
                    for m in cls.methods.values():
                        helped = _through_helpers(ctx, m, module, ref)
                        for made in helped[1] if helped is not None and ref not in helped[1] else []:
                            out.setdefault(made.key, m.qualname)
                        if not m.container_ops:
                            continue
                        found = _shared_instances(ctx, m, module, ref)
                        if found and found[1] != ref:
                            for made in [found[1], *_created_into(ctx, m, module, found[0])]:
                                out.setdefault(made.key, m.qualname)
                                # the interface the shared classes implement
                                for a in ctx.ancestors(made):
                                    if a.cls.is_interface and a.cls.abstract_methods and a != ref:
                                        out.setdefault(a.key, m.qualname)
                        elif found and _is_meta(ref):
                            for user in self._meta_users(ctx).get(ref.key, []):
                                out[user.key] = m.qualname
            ctx._cache["flyweights"] = out
        return ctx._cache["flyweights"]  # type: ignore[no-any-return]
