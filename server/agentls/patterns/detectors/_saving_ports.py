"""Write-side repository ports: an interface whose only collection method stores an entity
(`save(product: Product) -> None`) says nothing by itself; what its implementations do with
the entity does. This module answers whether an implementation's override keeps the object it
receives in storage, directly or through a step it inherits from a generic storage base
(`self.persist(product.id.value, product)` → `self._collection.update_one(...)`)."""

from __future__ import annotations

from collections.abc import Callable

from agentls.patterns.context import Ctx, Ev
from agentls.patterns.detectors._domain_model import entity_evidence, in_domain
from agentls.patterns.detectors._gateways import _SCALARS as SCALARS
from agentls.patterns.detectors._gateways import _STORE_CALLS as STORE_CALLS
from agentls.patterns.detectors._gateways import _storage_heads as storage_heads
from agentls.patterns.detectors._gateways import storage_handles, takes_object
from agentls.patterns.detectors._storage_reach import step_head
from agentls.patterns.facts import FunctionFacts
from agentls.patterns.workspace import ClassRef


def _keeps(m: FunctionFacts, heads: set[str], arg: str) -> bool:
    """`m` puts `arg` into storage: keyed by the object's own attribute in a container
    (`self._items[obj.id] = obj`: a cache keys an unrelated value), appended to one, or handed
    to a storage call (`self.session.add(obj)`)."""
    name = arg.partition(":")[2]
    for op in m.container_ops:
        if op.container not in heads or op.arg != arg:
            continue
        if op.op in ("append", "add") or (op.op == "setitem" and op.key.startswith(f"attr:{name}.")):
            return True
    return any(c.receiver in heads and c.method in STORE_CALLS and arg in c.args for c in m.calls)


def _writes_storage(ctx: Ctx, ref: ClassRef, m: FunctionFacts, attrs: set[str]) -> bool:
    """A step that receives an object and writes to storage (a generic base's `persist(id,
    entity)` upserting a document made from it)."""
    if m.is_stub or not takes_object(ctx, ref, m):
        return False
    heads = storage_heads(ctx, ref, m, attrs)
    return any(c.receiver in heads and c.method in STORE_CALLS for c in m.calls)


def stores_received(ctx: Ctx, impl: ClassRef, name: str, param: str) -> Ev | None:
    """Evidence that `impl`'s method `name` keeps its argument `param` in storage, itself or
    by handing it to a step of its own or of a base that writes storage; None otherwise."""
    methods = ctx.all_methods(impl)
    m = methods.get(name)
    if m is None or m.is_stub:
        return None
    arg = f"param:{param}"
    # its own dict or list counts too (`self._items = {}`): `_keeps` tells a collection keyed
    # by the entity's id from a cache
    attrs = storage_handles(ctx, impl) | {c.attr for c in ctx.collabs(impl).values() if c.container}
    if _keeps(m, storage_heads(ctx, impl, m, attrs), arg):
        return (m.selection.line, f"`{impl.cls.name}.{name}` keeps the `{param}` it receives in storage")
    for c in m.calls:
        step = methods.get(c.method) if c.receiver == "self" and arg in c.args else None
        if step is not None and step is not m and _writes_storage(ctx, impl, step, attrs):
            why = f"`{impl.cls.name}.{name}` stores the `{param}` through `{c.method}`, which writes to storage"
            return (m.selection.line, why)
    return None


def stepped_heads(all_methods: dict[str, FunctionFacts], m: FunctionFacts, arg: str, storage: set[str]) -> set[str]:
    """The storage attributes `m` writes by handing the object it received (`arg`) to a step
    of its own or of a base: `self.persist(user.id, user)`, whose body calls
    `self._collection.update_one(...)`, writes `_collection` (a store through a generic
    storage base, seen from the repository itself, with no port naming the store)."""
    out: set[str] = set()
    p = m.param(arg.partition(":")[2])
    if p is None or p.annotation in SCALARS:  # an id handed to a finder step is no object stored
        return out
    for c in m.calls:
        if c.receiver != "self" or arg not in c.args:
            continue
        step = all_methods.get(c.method)
        if step is None or step is m or step.is_stub:
            continue
        for s in step.calls:
            head = step_head(s.receiver)
            # `execute` writes only with a write statement (`_get_customer(id)` selects)
            writes = s.method != "execute" or bool(step.sql & {"insert", "update"})
            if head in storage and s.method in STORE_CALLS and writes:
                out.add(head)
    return out


def storage_base_evidence(ctx: Ctx, ref: ClassRef, is_repository: Callable[[ClassRef], bool]) -> list[Ev]:
    """A generic storage base (`MongoRepository` holding the collection, its `persist(id,
    entity)` upserting): no port, but the class whose step the repositories below it store
    through. Subclasses that are repositories and call the step are the evidence; a base
    whose subclasses store nothing through it is any class that happens to hold a client."""
    # (An abstract base counts: its abstract properties name the collection, its steps work.)
    if ref.cls.is_protocol:
        return []
    # Asked of every class: most have no subclass at all, so that is tested before the storage.
    below = [d for d in ctx.concrete(ref) if d != ref]
    if not below:
        return []
    # Then that a subclass calls one of its methods on itself (a step is one of them), before
    # working out its storage: most bases with subclasses are no storage base.
    # (`self_calls`: the names of its calls on `self`, without a pass over every call of every
    # method of every subclass: a twentieth of the repository detector over Django + SQLAlchemy)
    own = ref.cls.methods.keys()
    if all(own.isdisjoint(m.self_calls) for d in below for m in d.cls.methods.values()):
        return []
    attrs = storage_handles(ctx, ref)
    steps = {m.name: m for m in ref.cls.methods.values() if _writes_storage(ctx, ref, m, attrs)}
    if not steps:
        return []
    users = [
        d
        for d in below
        if is_repository(d)
        and any(c.receiver == "self" and c.method in steps for m in d.cls.methods.values() for c in m.calls)
    ]
    if not users:
        return []
    step = next(iter(steps.values()))
    names = ", ".join(f"`{d.cls.name}`" for d in users[:3])
    return [(step.selection.line, f"`{step.name}` writes to storage; {names} store through it")]


def message_like(ref: ClassRef) -> bool:
    tails = {b.rpartition(".")[2].rstrip("[]") for b in ref.cls.bases}
    return bool(tails & {"Command", "Query", "Event", "DomainEvent", "Message"})


def write_only(ctx: Ctx, ref: ClassRef, own: list[FunctionFacts], stored: dict[str, Ev], lists: set[str]) -> list[Ev]:
    """The write side of a collection with no finder yet (`save(review: ProductReview)` keeping
    the review keyed by its own id, or through a storage base's step): a repository when every
    public method of its own so stores an entity, or lists what the storage holds (`search_all()`,
    no argument). An aggregate appending its parts to a list
    (`add_line(line: OrderLine)`) keys nothing, and an entity is no collection of entities."""
    public = [m for m in own if not m.name.startswith("_") and m.name not in lists]
    if not public or entity_evidence(ctx, ref) or any(m.name not in stored for m in public):
        return []
    entities = []
    for m in public:
        kinds = [r for p in m.params for r in ctx.annotation_refs(p.annotation, ref.module) if r != ref]
        # an entity, or a mapped class kept under `domain/` (`DeviceAlert` with `__tablename__`)
        entity = next(
            (r for r in kinds if not message_like(r) and (entity_evidence(ctx, r) or _mapped_entity(r))), None
        )
        if entity is None:
            return []
        entities.append(entity.cls.name)
    return [stored[public[0].name], (ref.cls.selection.line, f"keeps `{entities[0]}` entities")]


def _mapped_entity(ref: ClassRef) -> bool:
    """A mapped class (`__tablename__`) kept in a domain package: the ORM row is the entity."""
    return "__tablename__" in ref.cls.class_attrs and in_domain(ref)
