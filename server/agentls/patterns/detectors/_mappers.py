"""One-way data mappers: converters that build an application object from what storage gives
back (an ORM row, a document, a dict of a key-value store) or a row from such an object, in
one direction per function (`organisation_from_dao(dao) -> Organisation`,
`PokemonOrmMapper.orm_to_entity(row) -> PokemonModel`). The two-way shapes are in
`_data_mapper`; these are found through what they convert and who uses them.
"""

from __future__ import annotations

from agentls.patterns.context import Ctx, Ev
from agentls.patterns.detectors._data_mapper import DataMapping, Found, add_mapping, domain_like, model_like, resolve
from agentls.patterns.detectors._repositories import message_like, repository_evidence
from agentls.patterns.facts import FunctionFacts, ModuleIndex
from agentls.patterns.workspace import ClassRef

_DICTS = frozenset({"dict", "Dict", "Mapping", "MutableMapping"})


def row_class(ref: ClassRef) -> bool:
    """A persistence row: a declarative table, an ORM or ODM model, an SQLModel table, or a
    subclass of one (`class Pokemon(Base)` where `Base(DeclarativeBase)`)."""
    return model_like(ref.cls) or any(b.rpartition(".")[2] == "Base" for b in ref.cls.bases)


def _fields_read(fn: FunctionFacts, p: str) -> int:
    reads = {r for r in fn.foreign_reads if r.startswith(f"{p}.")} | {k for c, k in fn.subscripts if c == p}
    reads |= {f"{a}" for c in fn.calls for a in c.args if a.startswith((f"attr:{p}.", f"sub:{p}"))}
    return len(reads)


def _conversion(ctx: Ctx, module: ModuleIndex, fn: FunctionFacts, used: bool) -> tuple[ClassRef, str] | None:
    """(the application class, which way) when `fn` builds one side from two or more fields of
    the other it receives: a row, document or dict into an application object, or such an
    object into a row. A dict counts only when a repository uses the converter (`used`)."""
    params = [p for p in fn.params if p.name not in ("self", "cls")]
    if len(params) != 1:
        return None
    p = params[0]
    built = next((r for v in fn.returns if v.startswith("call:") and (r := resolve(ctx, v[5:], module))), None)
    if built is None or _fields_read(fn, p.name) < 2:
        return None
    source = resolve(ctx, p.annotation, module) if p.annotation else None
    # what it builds is an application object: a domain class, or one a repository hands out
    plain = built != source and not row_class(built) and not message_like(built) and (used or domain_like(ctx, built))
    if plain and source is not None and row_class(source):
        return built, "load"
    if plain and used and (p.annotation or "").partition("[")[0] in _DICTS:
        return built, "load"
    if source is not None and row_class(built) and not row_class(source) and domain_like(ctx, source):
        return source, "dump"
    return None


def _used_by_repositories(ctx: Ctx) -> set[str]:
    """Names repositories call or pass on (`PokemonDictMapper.dict_to_entity(doc)`,
    `map(TrainerOrmMapper.orm_to_entity, rows)`, `organisation_from_dao(dao)`)."""
    out: set[str] = set()
    for ref in ctx.ws.all_classes():
        if not repository_evidence(ctx, ref):
            continue
        for m in ref.cls.methods.values():
            for c in m.calls:
                out.add(c.func)
                out.update(a.partition(":")[2] for a in c.args if a.startswith(("attr:", "name:")))
    return out


def _mapping(built: ClassRef, way: str, fn: FunctionFacts) -> Ev:
    if way == "load":
        return (fn.selection.line, f"`{fn.name}` builds a `{built.cls.name}` from what storage gives back")
    return (fn.selection.line, f"`{fn.name}` turns a `{built.cls.name}` into a row")


def add_one_way(ctx: Ctx, out: Found) -> None:
    """Adds to `out` the converter functions and classes (every public method a static or class
    method, one or more of them converting)."""
    used = _used_by_repositories(ctx)
    for _ in range(2):  # and a converter another converter uses (`map(TypeOrmMapper.orm_to_entity, ...)`)
        before = len(out.mappers)
        _one_pass(ctx, out, used)
        if len(out.mappers) == before:
            break
        used |= {
            n
            for m in out.mappers.values()
            for f in ([m.target] if isinstance(m.target, FunctionFacts) else [])
            + (list(m.target.cls.methods.values()) if isinstance(m.target, ClassRef) else [])
            for c in f.calls
            for n in (c.func, *(a.partition(":")[2] for a in c.args if a.startswith(("attr:", "name:"))))
        }


def _one_pass(ctx: Ctx, out: Found, used: set[str]) -> None:
    for module in ctx.ws.modules():
        for f in module.functions.values():
            key = f"{module.path}::{f.qualname}"
            if key in out.mappers:
                continue
            found = _conversion(ctx, module, f, f.name in used)
            if found is not None:
                add_mapping(out, key, DataMapping(f, module, [_mapping(*found, f)], [found[0]]))
        for cls in module.classes.values():
            ref = ClassRef(module, cls)
            public = [m for n, m in cls.methods.items() if not n.startswith("_")]
            stateless = all(m.kind in ("staticmethod", "classmethod") for m in public)
            if ref.key in out.mappers or not public or not stateless:
                continue
            ev: list[Ev] = []
            domain: list[ClassRef] = []
            for m in public:
                found = _conversion(ctx, module, m, f"{cls.name}.{m.name}" in used)
                if found is not None:
                    ev.append(_mapping(*found, m))
                    if found[0] not in domain:
                        domain.append(found[0])
            if ev:
                add_mapping(out, ref.key, DataMapping(ref, module, ev[:2], domain))
