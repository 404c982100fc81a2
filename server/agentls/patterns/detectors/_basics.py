"""Small structural predicates the DDD helpers and several detectors share."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from agentls.patterns.context import Ctx
from agentls.patterns.facts import ClassFacts, FunctionFacts, ModuleIndex
from agentls.patterns.workspace import ClassRef

T = TypeVar("T")
_DATA_DUNDERS = frozenset({"__init__", "__post_init__", "__repr__", "__str__", "__hash__", "__eq__"})


def memo(ctx: Ctx, name: str, ref: ClassRef, compute: Callable[[], T]) -> T:
    key = (name, ref.key)
    if key not in ctx._cache:
        ctx._cache[key] = compute()
    return ctx._cache[key]  # type: ignore[no-any-return]


def memo_class(ctx: Ctx, name: str, ref: ClassRef, compute: Callable[[], T]) -> T:
    """``memo``, asked again for a class of the same key in another copy of its package
    (its facts differ)."""
    store: dict[str, tuple[ClassFacts, T]] = ctx._cache.setdefault(name, {})
    hit = store.get(ref.key)
    if hit is not None and hit[0] is ref.cls:
        return hit[1]
    out = compute()
    store[ref.key] = (ref.cls, out)
    return out


def structural(ctx: Ctx, proto: ClassRef) -> list[ClassRef]:
    """The classes besides ``proto`` defining every public method of it with a body of their
    own, in workspace order: the implementers of a Protocol without deriving from it
    (structural typing is what a Protocol is for)."""
    wanted = set(proto.cls.public_methods)
    first = min(wanted) if wanted else ""
    return [
        r
        for r in ctx.by_method(public=True).get(first, [])
        if r != proto and all((m := r.cls.methods.get(n)) is not None and not m.is_stub for n in wanted)
    ]


def is_namedtuple(cls: ClassFacts) -> bool:
    return any(b.rpartition(".")[2] == "NamedTuple" for b in cls.bases)


def behaviour_methods(cls: ClassFacts) -> list[FunctionFacts]:
    return [
        m
        for n, m in cls.methods.items()
        if n not in _DATA_DUNDERS and m.kind != "property" and not (m.kind == "classmethod" and n.startswith("from"))
    ]


def is_data_holder(cls: ClassFacts) -> bool:
    """Fields and nothing else: a dataclass, a NamedTuple, or an __init__ that only stores."""
    for n, m in cls.methods.items():  # behaviour_methods(cls), stopping at the first
        if n not in _DATA_DUNDERS and m.kind != "property" and not (m.kind == "classmethod" and n.startswith("from")):
            return False
    if cls.dataclass or is_namedtuple(cls):
        return True
    init = cls.methods.get("__init__")
    return init is not None and not init.calls and bool(init.self_writes)


def mutates(fn: FunctionFacts) -> bool:
    if fn.sql & {"insert", "update", "delete"}:
        return True
    return any(c.method in ("commit", "add", "add_all", "save", "flush") for c in fn.calls)


def param_of(fn: FunctionFacts, value: str) -> str | None:
    return value[6:] if value.startswith("param:") and fn.param(value[6:]) else None


def near(a: ClassRef, b: ClassRef, ctx: Ctx | None = None) -> bool:
    """The same module, one importing the other's module, or (given the workspace) two modules
    of one script folder."""
    if a.module is b.module:
        return True
    ma, mb = a.module, b.module
    if any(v == mb.module or v.startswith(f"{mb.module}.") for v in ma.import_map.values()) or any(
        v == ma.module or v.startswith(f"{ma.module}.") for v in mb.import_map.values()
    ):
        return True
    return ctx is not None and _one_script_folder(ctx, ma.module, mb.module)


def script_siblings(ctx: Ctx, ref: ClassRef) -> list[ClassRef]:
    """The classes of the other modules of the script folder `ref` sits in (none in a package):
    what one module would hold had the tutorial not put one class in each file."""
    folder = script_folder(ctx, ref.module.module)
    if folder is None:
        return []
    return [
        ClassRef(m, c)
        for m in ctx.ws.modules()
        if m is not ref.module and m.module.rpartition(".")[0] == folder
        for c in m.classes.values()
    ]


def home_module(ctx: Ctx, ref: ClassRef, m: FunctionFacts) -> ModuleIndex:
    """The module of the class (`ref` or an ancestor) defining the method `m`: where the names
    it uses mean something (an inherited `__init__` making `Person(None)` in a base of its own
    file, which the subclass's file does not import)."""
    if ref.cls.methods.get(m.name) is m:
        return ref.module
    return next((a.module for a in ctx.ancestors(ref) if a.cls.methods.get(m.name) is m), ref.module)


def made_together(ctx: Ctx, a: ClassRef, b: ClassRef, imported: bool = False) -> bool:
    """Some code of `a`'s script folder makes both `a` and `b` (`main.py` wiring the objects of
    one class per file), or with `imported`, makes `a` in a module importing `b`'s class (an
    interface nobody instantiates): what tells one program of the folder from another script
    beside it that shares a method name."""
    folder = a.module.module.rpartition(".")[0]
    key = ("made in folder", folder)
    if key not in ctx._cache:
        ctx._cache[key] = [
            (m, {r.key for _, r in ctx.instantiations(fn, m)})
            for m in ctx.ws.modules()
            if m.module.rpartition(".")[0] == folder
            for fn in [*m.functions.values(), *([m.toplevel] if m.toplevel else [])]
        ]
    sites: list[tuple[ModuleIndex, set[str]]] = ctx._cache[key]
    return any(
        a.key in made and (b.key in made or (imported and any(ctx.resolve(n, m) == b for n in m.import_map)))
        for m, made in sites
    )


def _one_script_folder(ctx: Ctx, a: str, b: str) -> bool:
    # A folder of scripts without `__init__.py` (a tutorial's chapter, one class per file, run
    # as `python main.py`) is one program: its modules reach each other by bare imports and
    # through objects `main.py` hands around, so a subject in `tank.py` and the interface its
    # observers implement in `listener.py` need not import each other.
    folder = script_folder(ctx, a)
    return folder is not None and folder == b.rpartition(".")[0]


def script_folder(ctx: Ctx, module: str) -> str | None:
    """The dotted folder of `module` when it is a folder of scripts (no `__init__.py` indexed
    there), else None (a package, or the workspace's root)."""
    folder = module.rpartition(".")[0]
    return folder if folder and ctx.ws.module_named(folder) is None else None
