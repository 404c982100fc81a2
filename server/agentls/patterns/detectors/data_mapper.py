from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx, Target
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.detectors._data_mapper import found
from agentls.patterns.facts import FunctionFacts
from agentls.patterns.model import Detection
from agentls.patterns.workspace import ClassRef


@register
class DataMapper(Detector):
    """A layer of mappers moves data between domain objects and a database while keeping them
    independent of each other: domain classes know nothing about tables, and the mapper knows
    both. It allows rich domain models with persistence ignorance; the mapping code is extra
    work to write and keep in sync with the schema.

    ## Roles
    - `data_mapper`: the class or function doing the mapping.
    - `domain_object`: a mapped domain class.

    ## How it is detected
    Once per workspace:
    - A function registering classical ORM mappings (`map_imperatively(Order, table)`,
      `mapper(...)`) is a mapper, and every class it maps a `domain_object`. When the class
      and the table come from methods of mapper objects (`map_imperatively(m.entity(),
      m.table())`), the classes offering both methods are mappers too, and the class their
      `entity()`-like method returns is the domain object.
    - A class with two methods converting in opposite directions, `(Model) -> Order` and
      `(Order) -> Model` (by their annotations; the second may return a dict or a class it
      receives), where the first reads its argument and the second reads the object's
      fields, and one side is a domain class (in a domain package, deriving one, or an
      entity) and not a persistence model (columns as class attributes). Conversions to
      scalars (`encode(UserId) -> str`) are not mappers.
    - A generic mapper base converting between type variables is a mapper when a subclass
      configures it with a domain class (`entity_class = Person`), and so is that subclass.
    - A class with a method building a domain object from two or more fields of a row it
      receives (`Order(row["id"], row.total)`) and a method turning such an object back into
      a row (a dict or tuple of its fields, or written with SQL / `insert`); the building
      method is reported too. Classes converting *themselves* (`to_dict`/`from_dict`) are
      not mappers.
    - An ORM row converting itself to and from a domain class: a method building the domain
      object from two or more of its own columns (`to_entity(self) -> Todo`) and a static or
      class method building the row from such an object's fields (`from_entity(todo)`).

    - A one-way converter, a module function or a class of static methods only: it takes
      one row (a declarative table, an ORM/ODM or SQLModel model, a subclass of a declarative
      `Base`) and builds an application object from two or more of its fields
      (`organisation_from_dao(dao) -> Organisation`), or takes a domain object and builds the
      row (`dao_from_organisation(o) -> OrganisationDAO`). The object built is a domain class,
      or one a repository hands out (a repository, or another converter, calls or passes the
      converter: `map(PokemonOrmMapper.orm_to_entity, rows)`); a dict (a document, a hash of a
      key-value store) counts as the row only for a converter a repository uses. Converting an
      API schema (a pydantic model: `Field(...)` declares validation, not a column) is not
      data mapping.

    A classical mapping of a class that is not a domain class (a read model `AuthorDTO` in an
    infrastructure package) maps no domain object and is no data mapper. Type variables may be
    imported from another workspace module (`from common.protocols import D, P`), and a
    dataclass's `field(default_factory=...)` defaults are not table columns.
    """

    id = "data_mapper"
    category = "architecture"
    roles: ClassVar[dict[str, str]] = {
        "data_mapper": "maps between objects and rows",
        "domain_object": "a mapped domain class",
    }

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        f = found(ctx)
        path = ctx.index.path
        for m in f.mappers.values():
            if m.module.path != path:
                continue
            yield ctx.det(
                m.target,
                self.id,
                "data_mapper",
                0.8 if m.domain or len(m.evidence) > 1 else 0.7,
                m.evidence,
                [(d, "domain_object") for d in m.domain],
            )
        for ref in ctx.classes():
            mappings = f.mapped.get(ref.key)
            if not mappings:
                continue
            first = mappings[0]
            name = first.target.cls.name if isinstance(first.target, ClassRef) else _name(first.target)
            yield ctx.det(
                ref,
                self.id,
                "domain_object",
                0.75,
                [(ref.cls.selection.line, f"mapped to and from storage by `{name}`; it knows nothing of tables")],
                [(m.target, "data_mapper") for m in mappings],
            )


def _name(target: Target) -> str:
    if isinstance(target, FunctionFacts):
        return target.qualname
    if isinstance(target, ClassRef):
        return target.cls.name
    return target.module
