"""Mapped classes and the rows a method builds of them: a class mapped to a table or a
collection (`__tablename__`, an ORM base, a library's model base), made by calling it, by
asking its manager (`Member.objects.create(...)`) or by an SQLAlchemy insert statement."""

from __future__ import annotations

from agentls.patterns.context import Ctx
from agentls.patterns.facts import FunctionFacts, ModuleIndex
from agentls.patterns.workspace import ClassRef

_ORM_BASES = frozenset({"Model", "Document", "DynamicDocument", "SQLModel", "DeclarativeBase", "Base"})


def orm_class(ctx: Ctx, module: ModuleIndex, name: str) -> bool:
    """A mapped row / document class: `OrderModel(models.Model)`, `class OrderDoc(Document)`."""
    target = ctx.ws.resolve(module, name)
    if target is None:
        return False
    return any(_mapped_here(r) for r in (target, *ctx.ancestors(target)))


def _mapped_here(r: ClassRef) -> bool:
    """A class mapped by its own declaration: a table name, an ORM base, or a library's model
    base imported from a `models` module (`django_extensions.db.models.TimeStampedModel`)."""
    cls = r.cls
    if "__tablename__" in cls.class_attrs or "__table__" in cls.class_attrs:
        return True
    for b in cls.bases:
        if b.rpartition(".")[2] in _ORM_BASES:
            return True
        where, _, name = r.module.import_map.get(b, "").rpartition(".")
        if where.rpartition(".")[2] == "models" and name.endswith("Model"):
            return True
    return False


def mapped_rows(ctx: Ctx, ref: ClassRef, m: FunctionFacts) -> list[ClassRef]:
    """The mapped classes (`__tablename__`, an ORM base) a method builds rows of, by calling the
    class or its manager (`MemberModel.objects.create(name=...)`)."""
    made = [r for _, r in ctx.instantiations(m, ref.module) if orm_class(ctx, r.module, r.cls.name)]
    return made or manager_rows(ctx, ref, m)


# A Django manager's calls that build a row (and save it) from the fields they are handed.
_MANAGER_CREATES = frozenset({"create", "get_or_create", "update_or_create"})


def manager_rows(ctx: Ctx, ref: ClassRef, m: FunctionFacts) -> list[ClassRef]:
    """The mapped classes whose manager a method asks to build a row (`Task.objects.create(...)`,
    `get_or_create`): the row is made as surely as by calling the class."""
    out: list[ClassRef] = []
    for c in m.calls:
        head, _, manager = c.receiver.partition(".")
        if c.method in _MANAGER_CREATES and manager == "objects" and orm_class(ctx, ref.module, head):
            target = ctx.ws.resolve(ref.module, head)
            if target is not None:
                out.append(target)
    return out


def inserts_row(ctx: Ctx, ref: ClassRef, m: FunctionFacts) -> bool:
    """An SQLAlchemy statement inserting a row of a mapped class filled from the fields the
    method is handed (`insert(UserModel).values(id=user_id, email=email)`): the row is made as
    surely as by calling the class."""
    mapped = any(
        c.func.rpartition(".")[2] == "insert"
        and any(a.startswith("name:") and orm_class(ctx, ref.module, a[5:]) for a in c.args)
        for c in m.calls
    )
    return mapped and any(
        c.method == "values" and c.receiver.endswith("insert()") and any(a.startswith("param:") for a in c.args)
        for c in m.calls
    )
