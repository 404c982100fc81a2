from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.detectors._domain_model import module_parts
from agentls.patterns.detectors._messages import message_roles
from agentls.patterns.detectors._shared import (
    behaviour_methods,
    entity_evidence,
    in_domain,
    is_exception,
    is_namedtuple,
    value_object_evidence,
)
from agentls.patterns.model import Detection
from agentls.patterns.workspace import ClassRef


@register
class ValueObject(Detector):
    """A small immutable domain object defined entirely by its attributes (money, a date
    range, an order line): equal fields mean equal objects, and "changing" one means making a
    new one. Immutability removes aliasing bugs and makes values safe to share and hash; the
    price is allocation on every change and care to keep them small.

    ## Roles
    - `value_object`: the immutable, value-compared class.

    ## How it is detected
    In domain code, a frozen dataclass, a `NamedTuple`, or a class whose `__eq__` compares
    every field and whose `__setattr__` refuses changes: 0.7 (a frozen `Username` validating
    itself in `__post_init__` has no other behaviour to show), 0.85 with methods returning a
    new instance of itself (an alternative constructor does not count), 0.8 when an entity
    holds it. Messages (domain events, CQRS commands and queries) are reported as those
    instead.

    In a domain package, a class nothing changes after creation and with no identity attribute
    is a value object when its `__eq__` compares its values (or all its attributes at once,
    `self.__dict__ == other.__dict__`, unless a subclass is an entity: a base of entities
    comparing that way), when it hashes on its value
    (identifier values such as `EventId`), when it is a plain field-only dataclass, or when a
    base makes it one (a base whose `__init_subclass__` makes every subclass a dataclass, or a
    base that requires value equality). Outside domain code (no `domain`, `model`,
    `value_objects`, ... package) nothing is reported, not even a type with value behaviour: a
    library's `Color` or `Span` is a value type, but the pattern is a domain model's; exceptions
    never count, and neither does a record kept in a read-model or DTO package or module
    (`domain/read_models/user.py`, `orders/dto.py`) or named as one (`UserDTO`, `TaskReadModel`):
    the rows a query hands out, frozen for safety, not values of the model.

    Also in a domain package: an identifier type whose whole state is its identifier (`UserID`
    over one UUID, hashed on it; an identity among other state is an entity's), a dataclass
    with declared fields and no mutating method (none of them typed as an entity, `user:
    User`: what keeps an entity compares no value), a subclass of an immutable scalar
    (`class Email(str)`, pydantic's `class Age(PositiveInt)`; enums never), and a marker base
    with no state whose two or more subclasses are all value objects. Read-only properties
    count as the fields `__eq__` compares (`self.amount` over `self._amount`), and so do
    accessors answering a field (`self.value() == other.value()`, Java's `getValue()`), and
    a private summary of its own state compared on both sides (`self._key() == other._key()`
    over `(self._amount, self._currency)`; one made from `self.__dict__` compares all its
    attributes), also when `__eq__` only hands its argument to `equals(other)`; a
    private setter only the constructor runs (`__init__` -> `self._set_value(value)`,
    validating as code ported from Java does) builds the object and changes nothing after
    (a public method running it again does); comparing only
    `self.__class__` compares no value (every instance equal to every other: a stateless
    subscriber). A class with no `__eq__` of its own deriving a base that compares by identity
    (`@dataclass(eq=False) class Message(BaseEntity)`, the base's `__eq__` on `oid`) inherits
    that equality: an entity, no value object. A frozen dataclass holding only class-level
    constants (`class Stage: START = "start"`, no base, field, method or subclass) is a
    namespace of names, every instance equal to every other: no value.
    """

    id = "value_object"
    category = "architecture"
    roles: ClassVar[dict[str, str]] = {"value_object": "immutable, compared by value"}

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        held = self._held_by_entities(ctx)
        for ref in ctx.classes():
            ev = value_object_evidence(ctx, ref)
            if not ev or message_roles(ctx, ref) or _constants_only(ctx, ref):
                continue
            own = ref.cls.name
            # A frozen dataclass or NamedTuple with no behaviour is just a record (an argument
            # bundle, a result row); value semantics show in what it does.
            behaviour = [m for m in behaviour_methods(ref.cls) if m.kind == "method"]
            explicit = not (ref.cls.frozen or is_namedtuple(ref.cls))
            conf = 0.6 if behaviour or explicit else 0.45
            for m in behaviour:
                if any(
                    v in (f"call:{own}", "call:cls", "call:type()", "call:replace", "call:dataclasses.replace")
                    for v in m.returns
                ):
                    ev = [*ev, (m.selection.line, f"`{m.name}` returns a new value instead of changing this one")]
                    conf = 0.85
                    break
            if ref.key in held:
                ev = [*ev, (ref.cls.selection.line, f"held by the entity `{held[ref.key]}`")]
                conf = max(conf, 0.8)
            if is_exception(ctx, ref) or not in_domain(ref) or _read_model(ref):
                continue  # an exception, or an immutable type outside domain code (a DTO, a library value)
            if in_domain(ref):
                # In a domain package immutability is the point, not a record's convenience:
                # a frozen dataclass validating itself (`Username`, `RawPassword`) is a value.
                conf = max(conf, 0.7)
            yield ctx.det(ref, self.id, "value_object", conf, ev)

    def _held_by_entities(self, ctx: Ctx) -> dict[str, str]:
        if "vo_held" not in ctx._cache:
            out = {}
            for ref in ctx.ws.all_classes():
                if entity_evidence(ctx, ref):
                    for c in ctx.collabs(ref).values():
                        for t in c.types:
                            out[t.key] = ref.cls.name
                    for m in ref.cls.methods.values():
                        for p in m.params:
                            for t in ctx.annotation_refs(p.annotation, ref.module):
                                out.setdefault(t.key, ref.cls.name)
            ctx._cache["vo_held"] = out
        return ctx._cache["vo_held"]  # type: ignore[no-any-return]


def _constants_only(ctx: Ctx, ref: ClassRef) -> bool:
    """A dataclass namespace of class-level constants (`@dataclass(frozen=True) class Stage:
    START = "start"`): no base, field, attribute or method, nothing deriving it; every instance
    equals every other, so it holds no value to compare. A constrained scalar's settings
    (`class Age(PositiveInt): ge = 1`) configure the value its base carries: not this."""
    cls = ref.cls
    if not cls.dataclass or cls.bases or not cls.class_attrs or cls.methods or ctx.descendants(ref):
        return False
    return not cls.fields and not cls.instance_attrs()


# Packages and modules that say what they hold is a read model or a transfer object
# (`domain/read_models/user.py`, `orders/dto.py`, `create_customer_dto.py`).
_READ_MODEL_PARTS = frozenset({"read_models", "read_model", "readmodels", "readmodel", "dto", "dtos"})


def _read_model(ref: ClassRef) -> bool:
    """A record kept in a read-model or DTO package or module, or named as one (`UserDTO`,
    `TaskReadModel`): the rows a query hands out, immutable for safety, not a domain value
    compared by its attributes (even under `domain/`)."""
    parts = {w for p in module_parts(ref.module) for w in (p, p.rpartition("_")[2])}
    return bool(parts & _READ_MODEL_PARTS) or ref.cls.name.endswith(("DTO", "Dto", "ReadModel"))
