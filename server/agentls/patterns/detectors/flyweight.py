from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.facts import FunctionFacts, ModuleIndex
from agentls.patterns.model import Detection
from agentls.patterns.registry import Detector, register
from agentls.patterns.workspace import ClassRef


def _shared_instances(
    ctx: Ctx, fn: FunctionFacts, module: ModuleIndex, self_cls: ClassRef | None
) -> tuple[str, ClassRef] | None:
    """(cache, class) when fn returns cached instances keyed by its argument, creating on a miss."""
    for op in fn.container_ops:
        if op.op not in ("setitem", "setdefault") or (
            not op.key.startswith("param:") and not op.key.startswith("name:")
        ):
            continue
        created: ClassRef | None = None
        if op.arg.startswith("call:"):
            target = op.arg[5:]
            if target in ("cls", "super().__new__", "object.__new__") and self_cls is not None:
                created = self_cls
            else:
                created = ctx.resolve(target, module)
        if created is None:
            continue
        looked_up = (
            op.container in fn.in_checks
            or any(c.func in (f"{op.container}.get", f"{op.container}.setdefault") for c in fn.calls)
            or f"sub:{op.container}" in fn.returns
        )
        if looked_up and (f"sub:{op.container}" in fn.returns or fn.returns):
            return op.container, created
    return None


def _mutable(ref: ClassRef) -> bool:
    """Changes its own state after construction: not safe to share."""
    for name, m in ref.cls.methods.items():
        if name.startswith("__") or m.kind == "property":
            continue
        if m.self_writes or any(op.container.startswith("self.") for op in m.container_ops):
            return True
    return False


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
    A function, method or `__new__` that looks its argument up in a dict (`key in cache`,
    `cache.get(key)`), on a miss stores a *new instance of a class* under that key, and returns
    the cached entry. Caches of arbitrary computed values are memoisation; a single instance
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
                found = _shared_instances(ctx, m, ref.module, ref)
                if not found:
                    continue
                if found[1] == ref:
                    yield ctx.det(
                        ref,
                        self.id,
                        "flyweight",
                        _conf(ref),
                        [(m.selection.line, f"`{m.name}` returns the shared instance for equal arguments")],
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
                        if not m.container_ops:
                            continue
                        found = _shared_instances(ctx, m, module, ref)
                        if found and found[1] != ref:
                            out[found[1].key] = m.qualname
            ctx._cache["flyweights"] = out
        return ctx._cache["flyweights"]  # type: ignore[no-any-return]
