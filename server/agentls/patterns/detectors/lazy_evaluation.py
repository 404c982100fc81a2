from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.facts import FunctionFacts
from agentls.patterns.model import Detection
from agentls.patterns.workspace import ClassRef


def _is_lazy_descriptor(ref: ClassRef) -> bool:
    get = ref.cls.methods.get("__get__")
    if get is None or not get.params:
        return False
    inst = get.params[0].name
    writes = any(op.container.startswith(f"{inst}.__dict__") and op.op == "setitem" for op in get.container_ops)
    writes = writes or any(c.func == "setattr" and c.args[:1] == (f"param:{inst}",) for c in get.calls)
    return writes and any(c.func.startswith("self.") for c in get.calls)


def _caching_factory(fn: FunctionFacts) -> bool:
    """A decorator whose wrapper stores what the wrapped function returns on the instance the
    first time (`if not hasattr(self, a): setattr(self, a, fn(self))`) and reads it back."""
    if len(fn.params) != 1:
        return False
    wrapped = f"call:{fn.params[0].name}"
    stores = any(c.func == "setattr" and len(c.args) == 3 and c.args[2] == wrapped for c in fn.calls)
    return stores and any(c.func in ("hasattr", "getattr") for c in fn.calls)


def _lazy_decorator(ctx: Ctx, ref: ClassRef, decorator: str, factories: set[str]) -> bool:
    if decorator in factories:
        return True
    target = ctx.resolve(decorator, ref.module)
    if target is not None:
        return _is_lazy_descriptor(target)
    qualified = ref.module.import_map.get(decorator, "")
    module = ctx.ws.module_named(qualified.rpartition(".")[0]) if qualified else None
    fn = module.functions.get(qualified.rpartition(".")[2]) if module is not None else None
    return fn is not None and _caching_factory(fn)


def _try_cached(m: FunctionFacts) -> str | None:
    """`try: return self._x except AttributeError: self._x = compute(); return self._x`."""
    if m.params or m.kind not in ("method", "property") or m.complexity < 2:
        return None
    for attr, values in m.self_writes.items():
        if m.returns.count(f"attr:self.{attr}") >= 2 and all(v.startswith("call:") for v in values):
            return attr
    return None


def _class_level_cached(m: FunctionFacts) -> str | None:
    """A class method keeping what it makes on the class: `if cls._faker is None: cls._faker =
    Faker()`, then `return cls._faker`. Making the class itself (`cls._instance = cls()`) is
    a singleton's accessor, not a cached value."""
    if m.kind != "classmethod" or m.raises:
        return None
    for store in m.attr_stores:
        attr = store.attr
        made = store.value.startswith("call:") and store.value not in ("call:cls", "call:super().__new__")
        if store.receiver == "cls" and made and f"cls.{attr}" in m.none_checks and f"attr:cls.{attr}" in m.returns:
            return attr
    return None


@register
class LazyEvaluation(Detector):
    """Delays computing a value until it is first needed, then keeps it. Start-up gets cheaper
    and unused values cost nothing, but the first access pays the whole cost, failures surface
    late, and cached values can go stale.

    ## Roles
    - `lazy_attribute`: a property or method that computes on first access and caches.
    - `lazy_descriptor`: a descriptor class whose `__get__` computes and stores the value on
      the instance, so later reads bypass it (what `functools.cached_property` does).

    ## How it is detected
    - A property or method that tests `self._x is None` (or `not in`), assigns `self._x` and
      returns `self._x`; when it also raises (a one-shot `begin()` that refuses a second call)
      it is reported below the default threshold (0.45).
    - A class with `__get__` that calls the wrapped function and writes the result into the
      instance (`instance.__dict__[name] = value` or `setattr(instance, ...)`).
    - A class method doing the same on the class (`if cls._client is None: cls._client =
      Client()`, then `return cls._client`); making `cls()` there is a singleton's accessor.
    - A method that returns `self._x` in two places and assigns it from a computation only
      when it is missing (`try: return self._x except AttributeError: ...`).
    - A decorator function whose wrapper stores the wrapped function's result on the instance
      with `setattr` and reads it back (`hasattr`/`getattr`): `lazy_attribute`, as is every
      method decorated with it or with a workspace lazy descriptor.

    Merely *using* the standard library's `@functools.cached_property` is not reported.
    """

    id = "lazy_evaluation"
    category = "creational"
    roles: ClassVar[dict[str, str]] = {
        "lazy_attribute": "computes on first access and caches",
        "lazy_descriptor": "descriptor that caches the computed value on the instance",
    }

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        factories = {n for n, fn in ctx.index.functions.items() if _caching_factory(fn)}
        for name in sorted(factories):
            fn = ctx.index.functions[name]
            yield ctx.det(
                fn,
                self.id,
                "lazy_attribute",
                0.75,
                [(fn.selection.line, f"wraps `{fn.params[0].name}` so its result is computed once and kept")],
            )
        for ref in ctx.classes():
            for m in ref.cls.methods.values():
                lazy = next((d for d in m.decorators if _lazy_decorator(ctx, ref, d, factories)), None)
                if lazy is not None:
                    yield ctx.det(
                        m,
                        self.id,
                        "lazy_attribute",
                        0.8,
                        [(m.selection.line, f"`@{lazy}` computes it on first access and caches it")],
                        [(ref, "owner")],
                    )
            if _is_lazy_descriptor(ref):
                get = ref.cls.methods["__get__"]
                yield ctx.det(
                    ref,
                    self.id,
                    "lazy_descriptor",
                    0.9,
                    [(get.selection.line, "`__get__` computes the value and stores it on the instance")],
                )
            for m in ref.cls.methods.values():
                cached = _try_cached(m)
                if cached:
                    yield ctx.det(
                        m,
                        self.id,
                        "lazy_attribute",
                        0.7,
                        [(m.selection.line, f"returns `self.{cached}` once computed, computing it only when missing")],
                        [(ref, "owner")],
                    )
                    continue
                if m.name.startswith("__"):
                    continue
                shared = _class_level_cached(m)
                if shared:
                    yield ctx.det(
                        m,
                        self.id,
                        "lazy_attribute",
                        0.7,
                        [(m.selection.line, f"makes `cls.{shared}` on first call, then hands out the one it kept")],
                        [(ref, "owner")],
                    )
                    continue
                for attr in m.self_writes:
                    if f"self.{attr}" in m.none_checks and f"attr:self.{attr}" in m.returns:
                        yield ctx.det(
                            m,
                            self.id,
                            "lazy_attribute",
                            # raising when the value is already there is a one-shot start
                            # (`begin()`), not a cached computation
                            (0.8 if m.kind == "property" else 0.7) if not m.raises else 0.45,
                            [(m.selection.line, f"computes `self.{attr}` on first access, then reuses it")],
                            [(ref, "owner")],
                        )
                        break
