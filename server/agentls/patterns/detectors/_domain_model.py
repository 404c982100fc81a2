"""Entities and value objects: identity, immutability and the domain package, per workspace."""

from __future__ import annotations

import re

from agentls.patterns.context import Ctx, Ev
from agentls.patterns.detectors._basics import is_namedtuple, memo
from agentls.patterns.facts import ClassFacts, FunctionFacts, ModuleIndex
from agentls.patterns.workspace import ClassRef


def _identity_equality(ctx: Ctx, ref: ClassRef) -> list[Ev]:
    """Equality by identity: __eq__ compares one attribute of a class that has more state."""

    def compute() -> list[Ev]:
        eq = ref.cls.methods.get("__eq__")
        if eq is None:
            return []
        compared = {a for a in eq.self_reads if a not in ref.cls.methods and not a.startswith("__")}
        if eq.self_calls:
            return []  # equality through a computed summary (`self.deconstruct()`) is by value
        other = {r.partition(".")[2] for r in eq.foreign_reads}
        state = ref.cls.instance_attrs() | set(ref.cls.fields)
        if len(compared) != 1 or not (compared & other) or len(state) < 2:
            return []
        # An entity changes over its life while keeping its identity; an immutable one-field
        # wrapper (a path, a source text) is a value.
        mutators = [
            m
            for n, m in ref.cls.methods.items()
            if not n.startswith("__")
            and (m.self_writes or any(op.container.startswith("self.") for op in m.container_ops))
        ]
        ident = next(iter(compared))
        if not mutators or any(ident in m.self_writes for n, m in ref.cls.methods.items() if n != "__init__"):
            return []  # no life to live, or an "identity" that changes: not an entity
        out = [(eq.selection.line, f"equality compares only `{ident}`, its identity")]
        h = ref.cls.methods.get("__hash__")
        if h is not None and ident in h.self_reads:
            out.append((h.selection.line, f"hash uses `{ident}` too"))
        return out

    return memo(ctx, "entity_eq", ref, compute)


_DOMAIN_PARTS = frozenset(
    {"domain", "model", "entities", "entity", "aggregates", "aggregate", "shared_kernel", "value_objects"}
)
_ID_NAMES = frozenset({"id", "_id", "id_", "uuid", "_uuid", "reference", "ref", "sku", "pk", "identity", "_identity"})


def is_exception(ctx: Ctx, ref: ClassRef) -> bool:
    names = [*ref.cls.bases, *(b for a in ctx.ancestors(ref) for b in a.cls.bases)]
    return any(n.rpartition(".")[2].endswith(("Exception", "Error")) for n in names)


def domain_package(ref: ClassRef) -> str:
    """The package a domain class belongs to, up to its `domain` (or `model`) part: the
    bounded context (`modules.author.domain`); the parent package when there is none."""
    parts = ref.module.module.split(".")
    for i, part in enumerate(parts):
        if part in ("domain", "model", "models"):
            return ".".join(parts[: i + 1])
    return ".".join(parts[:-1])


def in_domain(ref: ClassRef) -> bool:
    """Whether the module lives in a domain package (`app/orders/domain/order.py`)."""
    return module_in_domain(ref.module)


def module_in_domain(module: ModuleIndex) -> bool:
    """Whether ``module`` lives in a domain package (`app/orders/domain/order.py`)."""
    return bool(set(module_parts(module)) & _DOMAIN_PARTS)


def module_parts(module: ModuleIndex) -> list[str]:
    """The packages and the module of ``module``'s dotted name (`app.orders.domain.order`),
    what tests of where a class lives read: the name starts at the import root, where its
    path starts at the folder the command runs in, so a path would also show the folders above
    the project (a checkout named `shop_dto`, `domain-lab`) and the answer would change with
    the folder the user runs the command from."""
    return module.module.split(".")


def _all_optional(cls: ClassFacts) -> bool:
    """Every declared field defaults to `None` (`id_: Optional[str] = None`, `title: str | None
    = None`): a bag of values any of which may be missing, as a request, patch or filter
    payload is. An object whose very identity may be absent is not known by it."""
    return len(cls.fields) >= 2 and all(cls.class_attrs.get(f) == "none" for f in cls.fields)


def mutators(cls: ClassFacts) -> list[FunctionFacts]:
    """Methods that change the object after it is made."""
    return [
        m
        for n, m in cls.methods.items()
        if not n.startswith("__")
        and m.kind == "method"
        and (m.self_writes or any(op.container.startswith("self.") for op in m.container_ops))
    ]


def _construction_steps(cls: ClassFacts) -> set[str]:
    """Private setters only the constructor runs (`__init__` -> `self._set_name(name)`, the
    validating self-encapsulation of code ported from Java): they build the object, nothing
    calls them to change it afterwards."""
    callers: dict[str, set[str]] = {}
    for n, m in cls.methods.items():
        for c in m.calls:
            if c.receiver == "self":
                callers.setdefault(c.method, set()).add(n)
    steps: set[str] = set()
    building = {"__init__", "__post_init__", "__new__"}
    grew = True
    while grew:  # a step may run another step (`_set_name` -> `_set_first_name`)
        grew = False
        for n in cls.methods:
            private = n.startswith("_") and not (n.startswith("__") and n.endswith("__"))
            if private and n not in steps and n in callers and callers[n] <= building | steps:
                steps.add(n)
                grew = True
    return steps


def _identity_attr(ctx: Ctx, ref: ClassRef) -> str | None:
    attrs = {*ref.cls.fields, *ref.cls.instance_attrs()}
    for a in [ref, *ctx.ancestors(ref)]:
        attrs |= {*a.cls.fields, *a.cls.instance_attrs()}
    own = _own_id_names(ref.cls.name)
    for name in sorted(attrs):
        # a private or name-mangled identity (`self.__id` behind a read-only `id` property, as
        # code ported from Java or TypeScript keeps it) is the same identity
        if name in _ID_NAMES or name.lstrip("_") in _ID_NAMES or name.lstrip("_") in own:
            return name
    return None


def _own_id_names(cls_name: str) -> set[str]:
    """`<class>_id` for the class's name and for each trailing run of its words
    (`ComparativeBenchmark`: `comparativebenchmark_id`, `comparative_benchmark_id`,
    `benchmark_id`): an entity is usually identified by the noun it ends with."""
    words = re.findall(r"[A-Z]+[a-z0-9]*|[a-z0-9]+", cls_name)
    out = {f"{cls_name.lower()}_id"}
    for i in range(len(words)):
        out.add("_".join(w.lower() for w in words[i:]) + "_id")
    return out


def _keyed_identities(ctx: Ctx) -> dict[str, str]:
    """Classes whose instances the code stores keyed by one of their own attributes
    (`self._rows[order.code] = order`, `self._parts[part.tray] = part` after `Part(...)`):
    that attribute is how the program tells them apart. Keyed by class, once per workspace."""
    found: dict[str, str] | None = ctx._cache.get("entity_keys")
    if found is not None:
        return found
    out: dict[str, str] = {}
    for module in ctx.ws.modules():
        for fn in module.all_functions():
            for op in fn.container_ops:
                if op.op != "setitem" or not op.key.startswith("attr:"):
                    continue
                holder, _, attr = op.key[5:].partition(".")
                if not attr or "." in attr or op.arg not in (f"name:{holder}", f"param:{holder}"):
                    continue
                p = fn.param(holder) if op.arg.startswith("param:") else None
                kinds = (
                    ctx.annotation_refs(p.annotation, module)
                    if p is not None
                    else [r for c in fn.calls if (r := ctx.ws.resolve(module, c.func)) is not None]
                )
                for r in kinds:
                    prop = r.cls.methods.get(attr)
                    if attr in r.cls.instance_attrs() or attr in r.cls.fields or (prop and prop.kind == "property"):
                        out.setdefault(r.key, attr)
    ctx._cache["entity_keys"] = out
    return out


def _equal_by_computed_id(cls: ClassFacts) -> str | None:
    """`__eq__` comparing what an identity method returns (`self.__get_id__()`)."""
    eq = cls.methods.get("__eq__")
    if eq is None:
        return None
    return next((n for n in sorted(eq.self_calls) if "id" in n.lower().strip("_").split("_")), None)


def entity_evidence(ctx: Ctx, ref: ClassRef) -> list[Ev]:
    """Identity-bearing class: equality by one identity attribute (see ``_identity_equality``),
    a subclass of an entity, or, in a domain package, a mutable class with an identity
    attribute (`id`, `reference`, `<class>_id`, own or inherited)."""

    def compute() -> list[Ev]:
        own = _identity_equality(ctx, ref)
        if own:
            return own
        by_id = _equal_by_computed_id(ref.cls)
        if by_id is not None:
            return [(ref.cls.methods["__eq__"].selection.line, f"equality compares the identity `{by_id}()` returns")]
        if ref.cls.frozen or is_namedtuple(ref.cls) or is_exception(ctx, ref):
            return []
        if ref.cls.is_interface and not ref.cls.methods:
            return []
        if "__tablename__" in ref.cls.class_attrs or "__table__" in ref.cls.class_attrs:
            return []  # a declarative ORM row: the table's shape, not the domain's identity
        for anc in ctx.ancestors(ref):
            if entity_evidence(ctx, anc):
                return [(ref.cls.selection.line, f"an `{anc.cls.name}`: its identity comes from it")]
        if not in_domain(ref) or "value_objects" in ref.module.module.split("."):
            return []  # a value objects package or module holds values, identifiers included
        ident = _identity_attr(ctx, ref)
        keyed = ""
        if ident is None:
            # no identity by its name: the attribute it is stored by, never reassigned after
            # creation, is one
            ident = keyed = _keyed_identities(ctx).get(ref.key, "")
            if any(
                a in m.self_writes for a in (keyed, f"_{keyed}") for n, m in ref.cls.methods.items() if n != "__init__"
            ):
                return []
        if not ident or any("self" in m.returns for m in ref.cls.methods.values()):  # a builder
            return []
        changing = mutators(ref.cls) or [m for a in ctx.ancestors(ref) for m in mutators(a.cls)]
        state = ref.cls.instance_attrs() | set(ref.cls.fields)
        how = f"stored keyed by its `{ident}`" if keyed else f"identified by `{ident}`"
        if changing:
            return [
                (ref.cls.selection.line, f"{how} in a domain package"),
                (changing[0].selection.line, f"`{changing[0].name}` changes it over its life"),
            ]
        if (len(state) >= 2 or ctx.ws.subclasses(ref)) and not _all_optional(ref.cls):
            return [(ref.cls.selection.line, f"{how} in a domain package, with mutable state")]
        return []

    return memo(ctx, "entity", ref, compute)


def value_object_evidence(ctx: Ctx, ref: ClassRef) -> list[Ev]:
    def compute() -> list[Ev]:
        cls = ref.cls
        line = cls.selection.line
        if cls.frozen:
            return [(line, "frozen dataclass: immutable, compared by value")]
        if is_namedtuple(cls):
            return [(line, "NamedTuple: immutable, compared by value")]
        if is_exception(ctx, ref):
            return []
        eq = cls.methods.get("__eq__")
        setattr_ = cls.methods.get("__setattr__")
        if eq is not None and len(eq.self_reads - set(cls.methods)) >= 2 and setattr_ and setattr_.raises:
            return [(eq.selection.line, "equality compares every field"), (setattr_.selection.line, "refuses mutation")]
        init_subclass = cls.methods.get("__init_subclass__")
        if (
            init_subclass is not None
            and eq is None
            and _identity_attr(ctx, ref) is None
            and any("dataclass" in c.func for c in init_subclass.calls)
        ):
            return [(line, "every subclass is made a dataclass, compared by value")]
        if not in_domain(ref):
            return []
        state = cls.instance_attrs() | set(cls.fields)
        # the identifier a subclass inherits (`EventId(Uuid)`) is still its whole state
        inherited = state.union(*(a.cls.instance_attrs() | set(a.cls.fields) for a in ctx.ancestors(ref)))
        ident = _identity_attr(ctx, ref)
        steps = _construction_steps(cls)
        if (
            [m for m in mutators(cls) if m.name not in steps]
            or _identity_equality(ctx, ref)
            # a subclass of an entity base comparing by identity (`@dataclass(eq=False) class
            # Message(BaseEntity)`) inherits that equality: an entity, not a value
            or (eq is None and any(_identity_equality(ctx, a) for a in ctx.ancestors(ref)))
            # An identifier type (`UserID` wrapping one UUID) is a value; an identity among
            # other state is an entity's.
            or (ident is not None and (len(inherited) >= 2 or ident not in inherited or entity_evidence(ctx, ref)))
            or _equal_by_computed_id(cls)
        ):
            return []
        for anc in ctx.ancestors(ref):
            if value_object_evidence(ctx, anc):
                return [(line, f"a `{anc.cls.name}`: immutable, compared by value")]
        scalar = _immutable_scalar(ctx, ref)
        if scalar:
            return [(line, f"a `{scalar}`: immutable, compared by value")]
        # Properties read the fields (`self.amount` over `self._amount`): they are not methods here.
        plain = {n for n, m in cls.methods.items() if m.kind != "property"}
        # `self.__class__ == other.__class__` compares no value: every instance of the class
        # is equal to every other (a stateless handler), which is no value semantics
        compared: set[str] = set()
        whole = False
        if eq is not None:
            every = ctx.all_methods(ref)
            eq = _delegate(every, eq)
            compared = {a for a in eq.self_reads - plain if not (a.startswith("__") and a.endswith("__"))}
            whole = "__dict__" in eq.self_reads
            # accessors compared in its place (`self.value() == other.value()`, Java's
            # `getValue()`) compare the fields they answer, and a private summary of its own
            # state (`self._key() == other._key()` over `(self._amount, self._currency)`, or a
            # tuple of `self.__dict__`) compares what it reads
            for name in eq.self_reads & set(every):
                got = every[name]
                answers = got.returns and all(v.startswith("attr:self.") for v in got.returns)
                summary = name.startswith("_") and not name.endswith("__") and not any(got.self_writes.values())
                if got.kind == "method" and not got.params and (answers or summary):
                    compared |= {a for a in got.self_reads if not (a.startswith("__") and a.endswith("__"))}
                    whole = whole or "__dict__" in got.self_reads
        if eq is not None and compared and (compared >= state or len(state) <= 2):
            return [(eq.selection.line, "equality compares its values; nothing changes it after creation")]
        # `self.__dict__ == other.__dict__`: every attribute compared, unless what derives it
        # carries an identity (a base of entities comparing that way is no value)
        if eq is not None and whole and not any(entity_evidence(ctx, d) for d in ctx.descendants(ref)):
            return [(eq.selection.line, "equality compares all its attributes (`__dict__`); nothing changes it")]
        if eq is not None and (eq.abstract or eq.is_stub) and ctx.ws.subclasses(ref):
            return [(eq.selection.line, "requires value equality of every subclass")]
        hash_ = cls.methods.get("__hash__")
        if hash_ is not None and hash_.self_reads and (eq is None or compared):
            return [(hash_.selection.line, "hashed on its value; nothing changes it after creation")]
        # (a field typed as an entity, `user: User`, keeps something with an identity that
        # changes: the holder compares no value)
        if cls.dataclass and eq is None and cls.fields and not _holds_entity(ctx, ref):
            return [(line, "a dataclass in a domain package, compared by its fields and never changed")]
        subs = ctx.ws.subclasses(ref)
        if not cls.methods and not state and len(subs) >= 2 and all(value_object_evidence(ctx, d) for d in subs):
            return [(line, f"the base of {len(subs)} value objects")]
        return []

    key = ("vo", ref.key)
    if key not in ctx._cache:
        ctx._cache[key] = []  # while computing: a marker base asks its subclasses, which ask it
        ctx._cache[key] = compute()
    return ctx._cache[key]  # type: ignore[no-any-return]


def _holds_entity(ctx: Ctx, ref: ClassRef) -> bool:
    """A field of the class is typed as an entity (`user: User`)."""
    return any(
        t != ref and entity_evidence(ctx, t)
        for ann in ref.cls.fields.values()
        if ann
        for t in ctx.annotation_refs(ann, ref.module)
    )


def _delegate(methods: dict[str, FunctionFacts], eq: FunctionFacts) -> FunctionFacts:
    """The method an `__eq__` only hands its argument to (`return self.equals(other)`, as code
    ported from Java spells equality), or the `__eq__` itself."""
    if len(eq.returns) == 1 and eq.returns[0].startswith("call:self."):
        target = methods.get(eq.returns[0][10:])
        if target is not None and target is not eq and len(target.params) == 1 and target.kind == "method":
            return target
    return eq


# Immutable scalar types a domain value may extend (`class Email(str)`, pydantic's
# `class Age(PositiveInt)`): equal by value, and nothing can change them.
_SCALARS = frozenset(
    {
        "str",
        "int",
        "float",
        "complex",
        "bytes",
        "tuple",
        "frozenset",
        "Decimal",
        "UUID",
        "date",
        "datetime",
        "time",
        "timedelta",
        "PositiveInt",
        "NegativeInt",
        "NonNegativeInt",
        "NonPositiveInt",
        "PositiveFloat",
        "NegativeFloat",
        "StrictStr",
        "StrictInt",
        "ConstrainedStr",
        "ConstrainedInt",
        "EmailStr",
    }
)


def _immutable_scalar(ctx: Ctx, ref: ClassRef) -> str:
    """The immutable scalar the class extends, itself or through a workspace base; "" for an
    enum (its members are constants, not values) or for anything else."""
    tails = {b.rpartition(".")[2].removesuffix("[]") for r in [ref, *ctx.ancestors(ref)] for b in r.cls.bases}
    if any(t.endswith("Enum") or t in ("Flag", "IntFlag") for t in tails):
        return ""
    return next((t for t in sorted(tails) if t in _SCALARS), "")
