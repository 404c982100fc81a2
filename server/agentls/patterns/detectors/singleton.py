from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx, Ev
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.facts import FunctionFacts
from agentls.patterns.model import Detection


def _guards_one_instance(fn: FunctionFacts, holder: str) -> str | None:
    """The class-level attribute or dict this method checks before creating, if any."""
    keyed_by_class = {c for c, key in fn.subscripts if key in ("name:cls", "self", "name:self")}
    for name in fn.none_checks | fn.in_checks:
        head, _, attr = name.partition(".")
        if name in fn.in_checks and name not in keyed_by_class:
            continue  # keyed by an argument: a flyweight cache, not one instance
        if head == holder and attr and "." not in attr:
            stored = any(v.startswith(f"attr:{holder}.{attr}") or v == f"sub:{holder}.{attr}" for v in fn.returns)
            if stored:
                return attr
    # `if not hasattr(cls, "_inst"): cls._inst = ...` / `if "_inst" not in cls.__dict__:`
    checked = f"{holder}.__dict__" in fn.in_checks or any(
        c.func == "hasattr" and c.args[:1] == (f"name:{holder}",) for c in fn.calls
    )
    if checked and fn.complexity > 1:
        kept = {s.attr for s in fn.attr_stores if s.receiver == holder}
        for v in fn.returns:
            head, _, attr = v.removeprefix("attr:").partition(".")
            if v.startswith("attr:") and head == holder and attr in kept:
                return attr
    return None


def _returns_class(fn: FunctionFacts) -> bool:
    """`__new__` handing back the class object itself: every construction yields that one
    object (class-level state shared by all callers)."""
    return fn.name == "__new__" and bool(fn.returns) and all(v == "name:cls" for v in fn.returns)


@register
class Singleton(Detector):
    """Ensures a class has one instance and gives a global access point to it. It saves
    repeated set-up and gives one shared place for state, at the price of hidden global state,
    harder testing (the instance leaks between tests) and coupling to the access point.

    ## Roles
    - `singleton`: the class whose construction is controlled.
    - `singleton_metaclass`: a metaclass whose `__call__` returns the cached instance.
    - `accessor`: a module function that creates the instance on first use and returns it.

    ## How it is detected
    - `__new__`, or a class method, checks a class attribute (`cls._instance is None`, `cls
      in cls._instances`, `not hasattr(cls, "_inst")`, `"_inst" not in cls.__dict__`), stores
      the instance there and returns that attribute: the class is a singleton.
    - `__new__` returns the class itself (`return cls`): every construction yields the one
      class object, whose class-level state all callers share.
    - A metaclass (`type` subclass) whose `__call__` does the same with a dict keyed by class;
      classes using it are singletons.
    - A module function declares `global x`, tests `x is None` and returns `x`.

    A class merely *named* Singleton is not reported. Caches keyed by arguments are flyweights.
    """

    id = "singleton"
    category = "creational"
    roles: ClassVar[dict[str, str]] = {
        "singleton": "the class with one instance",
        "singleton_metaclass": "metaclass caching instances",
        "accessor": "module function returning the shared instance",
    }

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        metas = ctx._cache.get("singleton_metas")
        if metas is None:
            metas = ctx._cache["singleton_metas"] = {}
            for ref in ctx.ws.all_classes():
                call = ref.cls.methods.get("__call__")
                if call is not None and any(b.rpartition(".")[2] == "type" for b in ref.cls.bases):
                    attr = _guards_one_instance(call, "cls") or _guards_one_instance(call, "self")
                    if attr:
                        metas[ref.key] = (ref, call, attr)
        for ref in ctx.classes():
            cls = ref.cls
            if ref.key in metas:
                _, call, attr = metas[ref.key]
                yield ctx.det(
                    ref,
                    self.id,
                    "singleton_metaclass",
                    0.9,
                    [(call.selection.line, f"`__call__` returns the instance cached in `{attr}`")],
                )
                continue
            meta = ctx.resolve(cls.metaclass, ref.module) if cls.metaclass else None
            if meta is not None and meta.key in metas:
                yield ctx.det(
                    ref,
                    self.id,
                    "singleton",
                    0.85,
                    [(cls.selection.line, f"created through the caching metaclass `{meta.cls.name}`")],
                    [(meta, "singleton_metaclass")],
                )
                continue
            for m in cls.methods.values():
                if m.kind != "classmethod" or m.name == "__init_subclass__":
                    continue
                attr = _guards_one_instance(m, "cls")
                if attr:
                    ev: list[Ev] = [
                        (m.selection.line, f"`{m.name}` creates the instance once and keeps it in `{attr}`")
                    ]
                    yield ctx.det(ref, self.id, "singleton", 0.9 if m.name == "__new__" else 0.85, ev)
                    break
                if _returns_class(m):
                    ev = [(m.selection.line, "`__new__` returns the class itself: every call yields that one object")]
                    yield ctx.det(ref, self.id, "singleton", 0.8, ev)
                    break
        for fn in ctx.index.functions.values():
            for g in fn.globals:
                if g in fn.none_checks and f"name:{g}" in fn.returns and ctx.index.assigns.get(g) == "none":
                    yield ctx.det(
                        fn,
                        self.id,
                        "accessor",
                        0.75,
                        [(fn.selection.line, f"creates the module-wide `{g}` on first call and returns it")],
                    )
                    break
