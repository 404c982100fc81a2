"""Workspace-wide search for data mappers and the domain classes they map (``data_mapper``).

Computed once per workspace state: every class that converts rows/models to domain objects
and back, every function registering classical (imperative) ORM mappings, the classes those
mappings configure, and, for each mapped domain class, the mappers that map it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from agentls.patterns.context import Ctx, Ev, Target, per_workspace
from agentls.patterns.detectors._shared import entity_evidence, in_domain
from agentls.patterns.facts import ClassFacts, FunctionFacts, ModuleIndex
from agentls.patterns.workspace import ClassRef

_IMPERATIVE = frozenset({"map_imperatively", "mapper"})
_WRITE_CALLS = frozenset({"insert", "update", "values", "execute", "add", "merge", "save"})


@dataclass
class DataMapping:
    """One mapper: where it is, why, and the domain classes it maps."""

    target: Target
    module: ModuleIndex
    evidence: list[Ev]
    domain: list[ClassRef] = field(default_factory=list)


@dataclass
class Found:
    mappers: dict[str, DataMapping] = field(default_factory=dict)  # by class key or function qualname
    mapped: dict[str, list[DataMapping]] = field(default_factory=dict)  # domain class key -> mappers


def _tail(ann: str | None) -> str:
    if not ann:
        return ""
    ann = ann.strip().strip("'\"")
    return ann.rpartition(".")[2].partition("[")[0]


def _typevars(module: ModuleIndex, ctx: Ctx | None = None) -> set[str]:
    """Type variables of the module, and (with ``ctx``) those it imports from a workspace
    module (`from common.protocols import D, P`)."""
    key = ("typevars", module.path)
    if ctx is not None and key in ctx._cache:  # (asked once per class of the module)
        return ctx._cache[key]  # type: ignore[no-any-return]
    out = {n for n, v in module.assigns.items() if v.startswith("call:") and v[5:].rpartition(".")[2] == "TypeVar"}
    if ctx is None:
        return out
    for local, target in module.import_map.items():
        source, _, name = target.rpartition(".")
        origin = ctx.ws.module_named(source) if source else None
        if origin is not None and name in _typevars(origin):
            out.add(local)
    ctx._cache[key] = out
    return out


_FIELD_CALLS = frozenset({"field", "dataclasses.field", "attr.ib", "attrs.field", "attr.field"})


_ROW_BASES = frozenset({"DeclarativeBase", "Model", "Document", "DynamicDocument", "SQLModel", "EmbeddedDocument"})
# Declarations of a default or a validated field, not of a column: dataclass and attrs
# `field(...)`, pydantic `Field(...)` / `PrivateAttr(...)`.
_NOT_COLUMNS = frozenset({"field", "Field", "ib", "attrib", "PrivateAttr"})


def model_like(cls: ClassFacts) -> bool:
    """A persistence model: a declarative table, an ORM/ODM model base, or table columns
    declared as class attributes (`Column(...)`, `models.CharField(...)`)."""
    if "__tablename__" in cls.class_attrs or "__table__" in cls.class_attrs:
        return True
    if any(b.rpartition(".")[2].partition("[")[0] in _ROW_BASES for b in cls.bases):
        return True
    calls = sum(
        1
        for v in cls.class_attrs.values()
        if v.startswith("call:") and v[5:] not in _FIELD_CALLS and v[5:].rpartition(".")[2] not in _NOT_COLUMNS
    )
    return calls >= 2


def domain_like(ctx: Ctx, ref: ClassRef) -> bool:
    if model_like(ref.cls):
        return False
    if in_domain(ref) or any(in_domain(a) for a in ctx.ancestors(ref)):
        return True
    return bool(entity_evidence(ctx, ref))


_SCALARS = frozenset({"str", "bytes", "int", "float", "bool", "bytearray"})


def resolve(ctx: Ctx, name: str, module: ModuleIndex) -> ClassRef | None:
    """``ctx.resolve``, following one re-export (`from app.services import User` where
    `app/services.py` itself imports `User` from the domain)."""
    r = ctx.resolve(name, module)
    if r is not None or not name:
        return r
    head = name.partition(".")[0]
    target = module.import_map.get(head)
    if target is None or "." in name:
        return None
    via = ctx.ws.module_named(target.rpartition(".")[0])
    if via is None or via is module or head not in via.import_map:
        return None
    return ctx.resolve(head, via)


def _first_param(m: FunctionFacts) -> str | None:
    params = [p for p in m.params if p.name not in ("self", "cls")]
    return params[0].name if params else None


def _reads(m: FunctionFacts, p: str) -> int:
    """How many fields of parameter ``p`` the method reads."""
    fields = {r for r in m.foreign_reads if r.startswith(f"{p}.")}
    fields |= {k for c, k in m.subscripts if c == p}
    if any(c.func in ("asdict", "dataclasses.asdict", "vars", "dict") and f"param:{p}" in c.args for c in m.calls):
        fields.add("*")
    fields |= {c.method for c in m.calls if c.receiver == p and c.method in ("get", "pop", "__getitem__")}
    if f"{p}.__dict__" in m.foreign_reads:
        fields.add("*")
    return len(fields)


def _pair_evidence(ctx: Ctx, ref: ClassRef) -> tuple[list[Ev], list[ClassRef], bool]:
    """Two methods converting in opposite directions: ``(A) -> B`` and ``(B) -> A`` (or
    ``(B) -> dict``/a class it receives). Returns evidence, domain classes, and whether the
    sides are generic (type variables), to be settled by the subclasses."""
    cls = ref.cls
    tvars = _typevars(ref.module, ctx)
    convs = []
    for m in cls.methods.values():
        if m.name.startswith("__") or m.kind == "property":
            continue
        p = _first_param(m)
        if p is None:
            continue
        param = m.param(p)
        convs.append((m, _tail(param.annotation if param else None), _tail(m.returns_annotation)))
    own = {cls.name, "Self", ""}
    for m1, a, b in convs:  # m1: a -> b
        if b in own or a == b or (a in own and a != "") or a in _SCALARS or b in _SCALARS:
            continue
        for m2, c, d in convs:  # m2: b -> (a | row)
            if m2 is m1 or c != b or d in _SCALARS:
                continue
            inverse = (d == a and a != "") or (
                d == "" and (m2.returns and (m2.returns[0].startswith("call:") or m2.returns[0] in ("dict", "tuple")))
            )
            if not inverse:
                continue
            generic = b in tvars and (a in tvars or a == "")
            abstract = m1.is_stub and m2.is_stub
            if not abstract and not generic:
                # the real thing: m2 reads the object's fields, m1 builds it
                p2 = _first_param(m2)
                if p2 is None or not _reads(m2, p2):
                    continue
                p1 = _first_param(m1)
                if p1 is None or not (_reads(m1, p1) or any(f"param:{p1}" in c.args for c in m1.calls)):
                    continue
            domain = []
            for name in (b, a):
                r = resolve(ctx, name, ref.module) if name else None
                if r is not None and r != ref and domain_like(ctx, r):
                    domain.append(r)
                    break
            ev: list[Ev] = [
                (m1.selection.line, f"`{m1.name}` turns a `{a or 'row'}` into a `{b}`"),
                (m2.selection.line, f"`{m2.name}` turns a `{b}` back into a `{d or 'row'}`"),
            ]
            if domain:
                return ev, domain, False
            if generic or (abstract and (b in tvars or a in tvars)):
                return ev, [], True
    return [], [], False


def _row_evidence(ctx: Ctx, ref: ClassRef) -> tuple[list[Ev], list[ClassRef], FunctionFacts | None]:
    """A method building a domain object from two or more fields of a row it receives, and a
    method turning such an object back into a row (dict/tuple, or written with SQL)."""
    # Without a method that could turn an object back into a row there is none to find: asked
    # first (most classes end here), before the calls building objects are resolved.
    if not any(_rows(m) for m in ref.cls.methods.values() if m.params and m.kind != "property"):
        return [], [], None
    loads: tuple[FunctionFacts, ClassRef] | None = None
    dumps: FunctionFacts | None = None
    domain: list[ClassRef] = []
    for m in ref.cls.methods.values():
        if m.name.startswith("__"):
            continue
        sources = {p.name for p in m.params if p.name not in ("self", "cls")} | {lp.target for lp in m.loops}
        found = None
        for call in m.calls:
            n = 0
            for a in call.args:
                if (a.startswith("sub:") and a[4:].rstrip("[]") in sources) or (
                    a.startswith("attr:") and a[5:].partition(".")[0] in sources and a.count(".") == 1
                ):
                    n += 1
            if n >= 2:
                r = ctx.resolve(call.func, ref.module)
                if r is not None and r != ref and domain_like(ctx, r):
                    found = r
                    if r not in domain:
                        domain.append(r)
        if found is not None:
            loads = loads or (m, found)
            continue
        if not m.params or m.kind == "property":
            continue
        p = _first_param(m)
        if p is None or _reads(m, p) < 2:
            continue
        param = m.param(p)
        typed = ctx.resolve(param.annotation, ref.module) if param and param.annotation else None
        if _rows(m) and (typed is None or domain_like(ctx, typed)):
            dumps = dumps or m
    if loads is None or dumps is None:
        return [], [], None
    m, r = loads
    return (
        [
            (m.selection.line, f"`{m.name}` builds a `{r.cls.name}` from the fields of a row"),
            (dumps.selection.line, f"`{dumps.name}` turns one back into a row"),
        ],
        domain,
        m,
    )


def _rows(m: FunctionFacts) -> bool:
    """It answers a dict or tuple, writes with SQL, or hands something to a storage call."""
    return (
        any(v in ("dict", "tuple") for v in m.returns)
        or bool(m.sql & {"insert", "update"})
        or any(c.method in _WRITE_CALLS and c.receiver and not c.receiver.startswith("self.") for c in m.calls)
    )


def _self_row_evidence(ctx: Ctx, ref: ClassRef) -> tuple[list[Ev], list[ClassRef]]:
    """An ORM row converting itself: a method building a domain object from its own columns
    (`to_entity(self) -> Todo`) and a static or class method building the row from such an
    object's fields (`from_entity(todo: Todo) -> TodoDTO`). The domain class stays ignorant."""
    if not model_like(ref.cls):
        return [], []
    own = {f"call:{ref.cls.name}", "call:cls"}
    to = back = None
    domain: list[ClassRef] = []
    for m in ref.cls.methods.values():
        if m.kind == "method" and len(m.self_reads) >= 2:
            for v in m.returns:
                r = resolve(ctx, v[5:], ref.module) if v.startswith("call:") else None
                if r is not None and r != ref and domain_like(ctx, r):
                    to, domain = m, [r]
        elif m.kind in ("staticmethod", "classmethod") and own & set(m.returns):
            p = _first_param(m)
            if p is not None and _reads(m, p) >= 2:
                back = m
    if to is None or back is None:
        return [], []
    return [
        (to.selection.line, f"`{to.name}` builds a `{domain[0].cls.name}` from the row's columns"),
        (back.selection.line, f"`{back.name}` builds the row from one"),
    ], domain


def _imperative_calls(ctx: Ctx) -> list[tuple[ModuleIndex, Target, FunctionFacts, list[str]]]:
    """Functions registering classical mappings, with the arguments of each registration."""
    out = []
    for module in ctx.ws.modules():
        targets: list[tuple[Target, FunctionFacts]] = [(f, f) for f in module.functions.values()]
        for cls in module.classes.values():
            targets.extend((m, m) for m in cls.methods.values())
        if module.toplevel is not None:
            targets.append((module, module.toplevel))
        for target, fn in targets:
            for c in fn.calls:
                if c.method in _IMPERATIVE and len(c.args) >= 2 and c.receiver != "self":
                    out.append((module, target, fn, list(c.args)))
    return out


@per_workspace
def found(ctx: Ctx) -> Found:
    return _find(ctx)


def add_mapping(out: Found, key: str, mapping: DataMapping) -> None:
    old = out.mappers.get(key)
    if old is not None:
        for d in mapping.domain:
            if d not in old.domain:
                old.domain.append(d)
                out.mapped.setdefault(d.key, []).append(old)
        return
    out.mappers[key] = mapping
    for d in mapping.domain:
        out.mapped.setdefault(d.key, []).append(mapping)


def _find(ctx: Ctx) -> Found:
    out = Found()
    # 1. classical mappings registered by a function, and the classes supplying their arguments
    supplier_methods: list[tuple[str, str]] = []  # (method giving the class, method giving the table)
    for module, target, fn, args in _imperative_calls(ctx):
        first = args[0]
        domain = []
        if first.startswith(("name:", "attr:")):
            r = ctx.resolve(first.partition(":")[2], module)
            if r is not None and not domain_like(ctx, r):
                continue  # a read model mapped for queries (`AuthorDTO`): no domain object involved
            if r is not None:
                domain.append(r)
        elif first.startswith("call:") and args[1].startswith("call:"):
            cls_m, tbl_m = first.rpartition(".")[2], args[1].rpartition(".")[2]
            if first[5:].count(".") == 1 and args[1][5:].count(".") == 1:
                supplier_methods.append((cls_m, tbl_m))
        what = ", ".join(f"`{c.cls.name}`" for c in domain) or "classes"
        qual = target.module if isinstance(target, ModuleIndex) else getattr(target, "qualname", "")
        add_mapping(
            out,
            f"{module.path}::{qual}",
            DataMapping(target, module, [(fn.selection.line, f"maps {what} to tables imperatively")], domain),
        )
    classes = list(ctx.ws.all_classes())
    if supplier_methods:
        for ref in classes:
            methods = ctx.all_methods(ref)
            for cls_m, tbl_m in supplier_methods:
                if cls_m in methods and tbl_m in methods:
                    give = methods[cls_m]
                    domain = []
                    for v in give.returns:
                        r = ctx.resolve(v.partition(":")[2], ref.module) if v.startswith("name:") else None
                        if r is not None:
                            domain.append(r)
                    ev: list[Ev] = [
                        (give.selection.line, f"`{cls_m}()` gives the class and `{tbl_m}()` the table to map it to")
                    ]
                    add_mapping(out, ref.key, DataMapping(ref, ref.module, ev, domain))
                    break
    # 2. classes converting rows/models to domain objects and back
    generic: list[tuple[ClassRef, list[Ev]]] = []
    for ref in classes:
        if not ref.cls.methods or ref.key in out.mappers:
            continue
        ev, domain, is_generic = _pair_evidence(ctx, ref)
        if ev and domain:
            add_mapping(out, ref.key, DataMapping(ref, ref.module, ev, domain))
            continue
        if ev and is_generic:
            generic.append((ref, ev))
            continue
        ev, domain = _self_row_evidence(ctx, ref)
        if ev:
            add_mapping(out, ref.key, DataMapping(ref, ref.module, ev, domain))
            continue
        ev, domain, loads = _row_evidence(ctx, ref)
        if ev and loads is not None:
            add_mapping(out, ref.key, DataMapping(ref, ref.module, ev, domain))
            # a class with another job too (a repository): its row-to-object method is the mapping
            add_mapping(out, f"{ref.key}.{loads.name}", DataMapping(loads, ref.module, ev[:1], []))
    # one-way converters: storage rows / documents into application objects, or back
    from agentls.patterns.detectors._mappers import add_one_way  # it builds on this module

    add_one_way(ctx, out)
    # 3. generic mapper bases, settled by subclasses that configure them with domain classes
    for ref, ev in generic:
        for d in ctx.descendants(ref):
            if d.key in out.mappers:
                continue
            domain = []
            for v in d.cls.class_attrs.values():
                r = ctx.resolve(v[5:], d.module) if v.startswith("name:") else None
                if r is not None and domain_like(ctx, r):
                    domain.append(r)
            if domain:
                line = d.cls.selection.line
                add_mapping(
                    out,
                    d.key,
                    DataMapping(
                        d, d.module, [(line, f"a `{ref.cls.name}` configured for `{domain[0].cls.name}`")], domain
                    ),
                )
        settled = any(d.key in out.mappers for d in ctx.descendants(ref))
        if settled:
            add_mapping(out, ref.key, DataMapping(ref, ref.module, ev, []))
    return out
