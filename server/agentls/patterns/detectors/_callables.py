"""Contexts configured with a function: a class keeping a function it is given and calling it
(`Order(price, discount=ten_percent)`), or replacing one of its methods by it; its family is
the module functions passed in and those written beside them (moved from ``_passed``)."""

from __future__ import annotations

from agentls.patterns.context import Ctx
from agentls.patterns.detectors._passed import made_class
from agentls.patterns.facts import ClassFacts, FunctionFacts, ModuleIndex
from agentls.patterns.generated_init import field_is_param, takes_fields
from agentls.patterns.workspace import ClassRef


def _takes(fn: FunctionFacts, arity: int, member: bool = False) -> bool:
    """A function callable with ``arity`` positional arguments and nothing else required, that
    is not a script's entry point or a test (``member``: a constructor or `__call__`)."""
    if not member and (fn.name in ("main",) or fn.name.startswith(("test", "_")) or fn.decorators):
        return False
    required = [p for p in fn.params if not p.has_default and not p.name.startswith("*")]
    return len(required) == arity and len(fn.params) >= arity


def _names(annotation: str | None, cls: str) -> bool:
    return annotation is not None and annotation.strip("'\"").rpartition(".")[2] == cls


_BIND = ("call:types.MethodType", "call:MethodType")


def _replaced_methods(cls: ClassFacts) -> list[tuple[str, int]]:
    """(method, the arguments its replacement is called with) for each method of the class its
    constructor replaces, on the instance, by a function it is given (`self.execute = func`,
    or bound to the instance: `self.execute = types.MethodType(func, self)`, the function then
    taking the context first): clients call the method, and run the function they chose."""
    init = cls.methods.get("__init__")
    if init is None:
        return []
    bound = any(
        c.func in ("types.MethodType", "MethodType") and len(c.args) == 2 and c.args[0][:6] == "param:"
        for c in init.calls
    )
    out = []
    for attr, values in init.self_writes.items():
        m = cls.methods.get(attr)
        if m is None or m.kind != "method" or attr.startswith("__"):
            continue
        arity = sum(1 for p in m.params if not p.has_default and not p.name.startswith("*"))
        if any(v[:6] == "param:" for v in values):
            out.append((attr, arity))
        elif bound and any(v in _BIND for v in values):
            out.append((attr, arity + 1))
    return out


def callable_strategies(
    ctx: Ctx,
) -> dict[str, tuple[str, list[ClassRef], list[tuple[ModuleIndex, FunctionFacts]]]]:
    """Contexts that keep a function they were given and call it: class key ->
    (attribute, the classes passed in its place, the module functions of the family)."""
    if "callable_strategies" in ctx._cache:
        return ctx._cache["callable_strategies"]  # type: ignore[no-any-return]
    kept: dict[str, tuple[str, int]] = {}  # class key -> (attribute holding a callable, args it is called with)
    for ref in ctx.ws.all_classes():
        methods = ctx.all_methods(ref)
        held = [
            a for m in ref.cls.methods.values() for a, vs in m.self_writes.items() if any(v[:6] == "param:" for v in vs)
        ]
        # ... or a field of a generated constructor (`ordering: Callable[...] = fifo` on a dataclass)
        if ref.cls.fields and takes_fields(ref.cls, [a.cls for a in ctx.ancestors(ref)]):
            held += [n for n in ref.cls.fields if field_is_param(ref.cls, n)]
        for attr in held:
            if attr in methods:
                continue
            arity = next((len(c.args) for f in methods.values() for c in f.calls if c.func == f"self.{attr}"), -1)
            if arity >= 0:
                kept.setdefault(ref.key, (attr, arity))
        for attr, arity in _replaced_methods(ref.cls):
            kept.setdefault(ref.key, (attr, arity))
    out: dict[str, tuple[str, list[ClassRef], list[tuple[ModuleIndex, FunctionFacts]]]] = {}
    if not kept:
        ctx._cache["callable_strategies"] = out
        return out
    passed: dict[str, dict[str, tuple[ModuleIndex, FunctionFacts]]] = {}
    # Classes passed in a function's place (`PrimeFinder(HardCodedPrimes)`): made, or called,
    # with what the context calls the function with.
    classes: dict[str, list[ClassRef]] = {}
    for module in ctx.ws.modules():
        fns = module.units()
        for fn in fns:
            # A client replacing the function of a context it made (`b = Banner(); b.style = lower`).
            for store in fn.attr_stores:
                target = made_class(ctx, module, fn, store.receiver) if store.value[:5] == "name:" else None
                if target is not None and kept.get(target.key, ("",))[0] == store.attr:
                    found = ctx.ws.function(module, store.value[5:])
                    if found is not None:
                        passed.setdefault(target.key, {})[f"{found[0].module}.{found[1].qualname}"] = found
            for call in fn.calls:
                target = ctx.ws.resolve(module, call.func) if call.func[:1].isupper() else None
                if target is None or target.key not in kept:
                    continue
                for arg in call.args:
                    if arg.startswith("name:"):
                        found = ctx.ws.function(module, arg[5:])
                        if found is not None:
                            passed.setdefault(target.key, {})[f"{found[0].module}.{found[1].qualname}"] = found
                        cls = ctx.ws.resolve(module, arg[5:]) if found is None else None
                        if cls is not None and (_callable_with(ctx, cls, kept[target.key][1])):
                            given = classes.setdefault(target.key, [])
                            if cls not in given:
                                given.append(cls)
    for key, (attr, arity) in kept.items():
        family = dict(passed.get(key, {}))
        holder = ctx.ws.derived.by_key.get(key)
        # The function a field defaults to is one of them (`ordering: Callable[...] = fifo`).
        default = holder.cls.class_attrs.get(attr, "") if holder is not None else ""
        if holder is not None and default[:5] == "name:" and family:
            found = ctx.ws.function(holder.module, default[5:])
            if found is not None:
                family.setdefault(f"{found[0].module}.{found[1].qualname}", found)
        # The family is wider than what the code passes in (one choice in a script, the
        # rest in a doctest): module functions taking what the context calls them with,
        # beside one that is passed in, or taking the context itself (`discount(order:
        # Order)`).
        homes = {m.module: m for m, _ in family.values()}
        if holder is not None:
            homes.setdefault(holder.module.module, holder.module)
        for module in homes.values():
            for f in module.functions.values():
                if _takes(f, arity) and (
                    any(m is module for m, _ in family.values())
                    or (holder is not None and f.params and _names(f.params[0].annotation, holder.cls.name))
                ):
                    family.setdefault(f"{module.module}.{f.qualname}", (module, f))
        # Classes count beside functions, not alone: a context given only classes to make
        # (`CaptureFixture(SysCapture)`) is configured with a product, not handed a function.
        if family and len(family) + len(classes.get(key, [])) >= 2:
            out[key] = (attr, classes.get(key, []), list(family.values()))
    ctx._cache["callable_strategies"] = out
    return out


def _callable_with(ctx: Ctx, cls: ClassRef, arity: int) -> bool:
    """A class that can stand in for a function of ``arity`` arguments: made with them (its
    constructor) or called with them (`__call__`)."""
    methods = ctx.all_methods(cls)
    return any(m in methods and _takes(methods[m], arity, member=True) for m in ("__init__", "__call__"))
