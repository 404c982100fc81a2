from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx, Ev
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.facts import ClassFacts, FunctionFacts
from agentls.patterns.model import Detection
from agentls.patterns.workspace import ClassRef


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


def _makes_instance(fn: FunctionFacts, holder: str, cls_name: str, attr: str) -> bool:
    """What the class-level attribute receives is a new instance of the class (`cls()`,
    `super().__new__(cls)`), not some other object made once (`cls._app = current_app`: a
    lazily bound class attribute)."""
    if fn.name == "__new__":
        return True
    makers = {holder, cls_name, f"{holder}.__new__", "object.__new__", "super().__new__"}
    for s in fn.attr_stores:
        if s.receiver == holder and s.attr == attr:
            if s.value.startswith("call:") and s.value[5:] in makers:
                return True
            if s.value.startswith("name:") and any(c.func in makers for c in fn.calls):
                return True
    return False


def _one_instance(m: FunctionFacts, cls_name: str) -> str | None:
    """The class attribute in which ``m`` keeps the one instance it creates, if it does."""
    # A static method names its class (`Singleton.__unique = Singleton()`); a class method or
    # `__new__` has it as `cls`.
    holders = [cls_name] if m.kind == "staticmethod" else ["cls"]
    if m.name == "__new__":
        # `def __new__(new_singleton, ...)`: whatever the first parameter is called
        holders += sorted({n.partition(".")[0] for n in m.none_checks} - {"cls", "self"})
    attr, holder = next(((a, h) for h in holders if (a := _guards_one_instance(m, h))), (None, "cls"))
    if attr and not _makes_instance(m, holder, cls_name, attr):
        return None  # a lazily bound class attribute (`cls._app = current_app`)
    return attr


def _new_owner(ctx: Ctx, ref: ClassRef) -> list[ClassRef]:
    """The base whose `__new__` constructs ``ref`` (bases left to right, depth first, as
    Python's lookup finds it), as a list of at most one."""
    stack, seen = list(reversed(ctx.ws.bases(ref))), set()
    while stack:
        b = stack.pop()
        if b.key in seen:
            continue
        seen.add(b.key)
        if "__new__" in b.cls.methods:
            return [b]
        stack.extend(reversed(ctx.ws.bases(b)))
    return []


def _decorator_singleton(fn: FunctionFacts) -> bool:
    """A class decorator caching one instance per class: it takes the class, keeps instances
    in a dict keyed by it (`if class_ not in instances`) and returns the wrapper that hands
    out `instances[class_]`."""
    if len(fn.params) != 1:
        return False
    p = fn.params[0].name
    cache = {c for c, key in fn.subscripts if key == f"param:{p}"}
    # It instantiates what it is given and returns the wrapper it defines (a memoised
    # function `fib(n)` keyed by its argument does neither).
    makes = any(c.func == p for c in fn.calls)
    wrapper = any(v.startswith("name:") for v in fn.returns)
    keyed = bool(cache & fn.in_checks) and any(v == f"sub:{c}" for c in cache for v in fn.returns)
    # ... or keeps the one instance on an attribute of the wrapper it returns
    # (`if wrapper._instance is None: wrapper._instance = class_(...)`, `return wrapper._instance`)
    wrappers = {v[5:] for v in fn.returns if v.startswith("name:")}
    held = any(
        st.receiver in wrappers
        and st.value == f"call:{p}"
        and f"{st.receiver}.{st.attr}" in fn.none_checks
        and f"attr:{st.receiver}.{st.attr}" in fn.returns
        for st in fn.attr_stores
    )
    return makes and wrapper and (keyed or held)


def _class_decorator_singleton(cls: ClassFacts) -> bool:
    """The class form of the caching decorator: its constructor keeps the class it is given
    (`self.klass = klass`) and its `__call__` makes an instance of it once (`if self.instance
    is None: self.instance = self.klass(...)`) and hands that out every time."""
    init, call = cls.methods.get("__init__"), cls.methods.get("__call__")
    if init is None or call is None or len(init.params) != 1:
        return False
    kept = [a for a, vs in init.self_writes.items() if f"param:{init.params[0].name}" in vs]
    if len(kept) != 1 or len(set(call.returns)) != 1 or not call.returns[0].startswith("attr:self."):
        return False
    instance = call.returns[0][10:]
    return f"self.{instance}" in call.none_checks and f"call:self.{kept[0]}" in call.self_writes.get(instance, [])


def _returns_class(fn: FunctionFacts) -> bool:
    """`__new__` handing back the class object itself: every construction yields that one
    object (class-level state shared by all callers). A local `cls` bound to what a call
    answered is something new: the class a metaclass's `__new__` has just made (`cls =
    super().__new__(mcs, name, bases, ns)`), one per class statement."""
    return (
        fn.name == "__new__"
        and bool(fn.returns)
        and all(v == "name:cls" for v in fn.returns)
        and "cls" not in fn.call_locals
    )


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
      the instance there and returns that attribute: the class is a singleton. So does a
      static method naming its own class (`if Boiler.__unique == None: Boiler.__unique =
      Boiler()`, the classic `getInstance()` ported from Java; `== None` tests as `is None`).
    - `__new__` returns the class itself (`return cls`): every construction yields the one
      class object, whose class-level state all callers share. A metaclass's `__new__`
      returning the class it has just made (`cls = super().__new__(mcs, ...)`) is not that.
    - A metaclass (`type` subclass) whose `__call__` does the same with a dict keyed by class;
      classes using it are singletons.
    - A module function declares `global x`, tests `x is None` and returns `x`.
    - A class decorator keeping instances in a dict keyed by the class it wraps and returning
      `instances[cls]`, or the one instance on an attribute of the wrapper it returns
      (`wrapper._instance`, `None` until made), is an `accessor`; the classes it decorates are singletons. So is a
      decorator written as a class keeping the class it is given and making it once in its
      `__call__` (`if self.instance is None: self.instance = self.klass(...)`).
    - A class attribute made once is a singleton's instance only when it is an instance of the
      class (`cls()`, `super().__new__(cls)`): `cls._app = current_app` is lazy binding. A
      metaclass is inherited by subclasses, and so is such a `__new__`: a subclass is
      constructed through the first of its bases defining one, looked up left to right as
      Python does (`Day(OneOnly, State)`).

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
            if meta is None or meta.key not in metas:
                # The metaclass is inherited (`class CustomLogger(Logger)`, Logger's metaclass).
                for anc in ctx.ancestors(ref):
                    m_anc = ctx.resolve(anc.cls.metaclass, anc.module) if anc.cls.metaclass else None
                    if m_anc is not None and m_anc.key in metas:
                        meta = m_anc
                        break
            made_by = next((ctx.index.classes[d] for d in cls.decorators if d in ctx.index.classes), None)
            if made_by is not None and _class_decorator_singleton(made_by):
                yield ctx.det(
                    ref,
                    self.id,
                    "singleton",
                    0.85,
                    [(cls.selection.line, f"decorated with `@{made_by.name}`, which hands out one cached instance")],
                    [(ctx.ref(made_by), "accessor")],
                )
                continue
            deco = next((d for d in cls.decorators if d in ctx.index.functions), None)
            if deco is not None and _decorator_singleton(ctx.index.functions[deco]):
                yield ctx.det(
                    ref,
                    self.id,
                    "singleton",
                    0.85,
                    [(cls.selection.line, f"decorated with `@{deco}`, which hands out one cached instance")],
                    [(ctx.index.functions[deco], "accessor")],
                )
                continue
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
                if m.kind not in ("classmethod", "staticmethod") or m.name == "__init_subclass__":
                    continue
                attr = _one_instance(m, cls.name)
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
            else:
                # A subclass constructed through a singleton base's `__new__`: the first class
                # defining one in the order Python looks (`DayState(BaseSingleton, StateIF)`).
                for anc in _new_owner(ctx, ref):
                    new = anc.cls.methods.get("__new__")
                    if new is not None and "__new__" not in cls.methods and _one_instance(new, anc.cls.name):
                        ev = [(cls.selection.line, f"constructed through `{anc.cls.name}.__new__`, which keeps one")]
                        yield ctx.det(ref, self.id, "singleton", 0.8, ev, [(anc, "singleton")])
        for ref in ctx.classes():
            used = any(ref.cls.name in c.decorators for c in ctx.index.classes.values())
            if used and _class_decorator_singleton(ref.cls):
                ev = [(ref.cls.selection.line, "class decorator making the class it wraps once and handing it out")]
                yield ctx.det(ref, self.id, "accessor", 0.8, ev)
        for fn in ctx.index.functions.values():
            if _decorator_singleton(fn):
                yield ctx.det(
                    fn,
                    self.id,
                    "accessor",
                    0.8,
                    [(fn.selection.line, "class decorator handing out one cached instance per class it decorates")],
                )
                continue
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
