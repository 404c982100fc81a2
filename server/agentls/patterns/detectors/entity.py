from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.detectors._messages import message_roles
from agentls.patterns.detectors._shared import entity_evidence, in_domain
from agentls.patterns.model import Detection
from agentls.patterns.workspace import ClassRef

# The conventional home of a web API's request and response models (FastAPI's `schemas.py`
# beside `models.py`, marshmallow schemas): views of the domain objects, kept in the domain
# package by some applications (`UserRead(BaseModel)` with its `id`).
_CONTRACT_PARTS = frozenset({"schemas", "schema"})


def _contracts(ref: ClassRef) -> bool:
    return bool(set(ref.module.module.split(".")) & _CONTRACT_PARTS)


@register
class Entity(Detector):
    """A domain object defined by a continuous identity rather than by its attributes: two
    entities with equal fields but different identities are different, and an entity's fields
    may change over its life. Modelling identity explicitly makes tracking and persistence
    clear; every entity then needs a stable identifier and careful equality.

    ## Roles
    - `entity`: the identity-bearing domain class.

    ## How it is detected
    `__eq__` compares exactly one attribute of `self` with the same attribute of the other
    object, in a class that has more state than that attribute (and usually `__hash__` on the
    same attribute), that changes that other state over its life but never reassigns the
    identity outside `__init__`. Equality over all fields, or through a computed summary
    (`self.deconstruct()`) or `__class__`, is a value object instead; an "identity" that a
    method rewrites (a file name changed on save) is not one.

    In a domain package (a module path with `domain`, `model`, `entities`, `aggregates`,
    `shared_kernel` …; never a `value_objects` package or module), a mutable class with an
    identity attribute (`id`, `id_`, `reference`, `sku`, `<class>_id` or `<noun>_id` for the
    noun the class name ends with, `benchmark_id` in `ComparativeBenchmark`, also private or
    name-mangled as `self.__id` behind a read-only `id` property, own or inherited, or the
    attribute the program stores it keyed by, `self._rows[order.code] = order`, when no method
    rewrites it) is an entity when a method changes it after creation, or when it has more state
    than its identity, unless every field it declares defaults to `None` (`id: Optional[str] =
    None`, `title: Optional[str] = None`: a create, update or filter payload, whose identity may
    be missing, is an entity only when a method changes it); so is every subclass of an entity,
    and a class whose `__eq__` compares what an identity method returns (`self.__get_id__()`).
    Builders (methods returning `self`), frozen classes, exceptions and messages (commands,
    events) are not. Outside a domain package an entity is only a hint (0.45, below the default
    threshold), unless it subclasses an entity of a domain package (a test's `Person(Entity)`
    builds on the domain model). A declarative ORM row (`__tablename__`) is the table's shape,
    not a domain entity, whatever its name. A `schemas` module or package inside a domain
    package (`domain/users/schemas.py`) holds the API's request and response models (pydantic,
    marshmallow): how an entity is shown or asked for, a hint only, like a class outside the
    domain.
    """

    id = "entity"
    category = "architecture"
    roles: ClassVar[dict[str, str]] = {"entity": "identity-bearing domain class"}

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        for ref in ctx.classes():
            ev = entity_evidence(ctx, ref)
            if ev and not message_roles(ctx, ref):  # a command carrying an `id` is a message
                # An entity is a domain-model notion: outside a domain package (a library's
                # `Field` ordered by a counter) the same shape is only a hint.
                # ... but a subclass of a domain package's entity (a test's `Person(Entity)`)
                # is built on the domain model.
                domain = (in_domain(ref) and not _contracts(ref)) or any(
                    in_domain(a) and not _contracts(a) and entity_evidence(ctx, a) for a in ctx.ancestors(ref)
                )
                conf = (0.85 if len(ev) > 1 else 0.75) if domain else 0.45
                yield ctx.det(ref, self.id, "entity", conf, ev)
