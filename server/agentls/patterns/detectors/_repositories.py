"""Repositories: collection-like access to storage, implementations and ports."""

from __future__ import annotations

import itertools

from agentls.patterns.context import Ctx, Ev, per_workspace
from agentls.patterns.detectors._basics import memo, memo_class, param_of
from agentls.patterns.detectors._domain_model import entity_evidence
from agentls.patterns.detectors._gateways import (
    class_containers,
    gateway_evidence,
    storage_handles,
    store_named,
    takes_object,
)
from agentls.patterns.detectors._repository_ports import repository_port_evidence
from agentls.patterns.detectors._row_readers import row_reader_evidence
from agentls.patterns.detectors._saving_ports import message_like as message_like  # re-exported: _mappers
from agentls.patterns.detectors._saving_ports import stepped_heads, write_only
from agentls.patterns.detectors._storage_reach import reaches_storage
from agentls.patterns.detectors._storage_reach import self_head as _self_head
from agentls.patterns.detectors._stored_objects import own_kind, serialised
from agentls.patterns.facts import FunctionFacts
from agentls.patterns.workspace import ClassRef

_STORE_VERBS = frozenset(
    {
        "add",
        "merge",
        "save",
        "insert",
        "put",
        "persist",
        "add_all",
        "append",
        "insert_one",
        "replace_one",
        "update_one",
        "set",
        "store",
        "write",
        "execute",
        "index",
        "bulk_save_objects",
        "create",
    }
)
_READ_VERBS = frozenset(
    {
        "get",
        "query",
        "execute",
        "find",
        "find_one",
        "scalars",
        "scalar",
        "filter",
        "filter_by",
        "select",
        "load",
        "read",
        "fetch",
        "fetchone",
        "fetchall",
        "first",
        "one",
        "search",
        "values",
        "items",
        "scalar_one",
        "all",
        "get_item",
        "query_one",
    }
)


def _storage_attrs(ctx: Ctx, ref: ClassRef, by_class: set[str]) -> set[str]:
    """Attributes that hold storage: an injected session/connection or an own container,
    in this class or inherited (``by_class``: `class_containers`, which the caller needs too)."""
    out = set(by_class)
    held = [_held_storage(ctx, r) for r in [ref, *ctx.ancestors(ref)]]
    for attrs, _ in held:
        out |= attrs
    # A property reaching into storage (`queryset` returning `self.session.query(X)`) is storage.
    for _, properties in held:
        for name, heads in properties:
            if any(h in out for h in heads):
                out.add(name)
    return out


def _held_storage(ctx: Ctx, r: ClassRef) -> tuple[set[str], list[tuple[str, list[str]]]]:
    """One class's part of ``_storage_attrs`` (the attributes it makes storage; its properties
    with the `self.<attr>` their calls reach), kept: every subclass asks it of its bases."""

    def compute() -> tuple[set[str], list[tuple[str, list[str]]]]:
        attrs: set[str] = set()
        for c in ctx.collabs(r).values():
            if c.container or (c.from_param and (c.methods or not c.types)):
                attrs.add(c.attr)
        for m in r.cls.methods.values():
            for attr, values in m.self_writes.items():
                if any(v.startswith(("call:", "param:")) for v in values):
                    attrs.add(attr)
        properties: list[tuple[str, list[str]]] = []
        for m in r.cls.methods.values():
            if m.kind == "property":
                heads = [h for c in m.calls if (h := _self_head(c.receiver))]
                properties.append((m.name, heads))
        return attrs, properties

    return memo_class(ctx, "storage attrs", r, compute)


def _storage_head(receiver: str, storage: set[str]) -> str | None:
    """`self._session.execute()` → `_session` when that attribute holds storage."""
    head = _self_head(receiver)
    return head if head and head in storage else None


_RUN_SQL = frozenset({"execute", "executemany", "executescript", "exec", "query", "fetch", "fetchrow", "run"})
_STORAGE_WORDS = ("session", "connection", "conn", "engine", "database", "client", "cursor", "db")


def _library_repository(ctx: Ctx, ref: ClassRef) -> list[Ev]:
    """`class AuthorRepository(AsyncRepository[Author, int])` over an injected session: the
    collection methods come from a library base specialised for a domain entity."""
    if not ref.cls.base_args or any(ctx.resolve(b, ref.module) is not None for b in ref.cls.bases):
        return []
    entity = next(
        (r for a in ref.cls.base_args if (r := ctx.resolve(a, ref.module)) is not None and entity_evidence(ctx, r)),
        None,
    )
    if entity is None:
        return []
    for m in ref.cls.methods.values():
        for attr, values in m.self_writes.items():
            for v in values:
                p = m.param(v[6:]) if v.startswith("param:") else None
                what = f"{p.name} {p.annotation or ''}".lower() if p else ""
                if any(w in what for w in _STORAGE_WORDS):
                    return [
                        (ref.cls.selection.line, f"a library collection base specialised for `{entity.cls.name}`"),
                        (m.selection.line, f"over the injected `{p.name if p else attr}`"),
                    ]
    return []


def repository_evidence(ctx: Ctx, ref: ClassRef) -> list[Ev]:
    """Collection-like persistence: a method stores a whole object it receives, another takes a
    key and returns what the same storage (attribute, or SQL) finds. Methods may be private
    steps of an inherited template (`add` → `_add`)."""

    def compute() -> list[Ev]:
        if ref.cls.is_interface:
            return []
        library = _library_repository(ctx, ref)
        if library:
            return library
        own = [m for m in ref.cls.methods.values() if not m.name.startswith("__") and m.kind == "method"]
        # A collection interface is small and simple; a class doing everything (a god class
        # that also saves) is not one. (Asked before its inherited methods and its storage
        # are worked out: most classes end here.)
        if not own or len(own) > 15 or sum(m.complexity for m in own) > 40:
            return []
        methods = [
            m
            for m in ctx.all_methods(ref).values()
            if not m.name.startswith("__") and m.kind in ("method", "classmethod") and not m.is_stub
        ]
        if not methods:
            return []
        by_class = class_containers(ctx, ref)
        storage = _storage_attrs(ctx, ref, by_class)
        # An entity keeping objects in fields it declares (`tasks: list[Task]` on a `Board`
        # with an identity) holds its parts: an aggregate, not their repository.
        declared = {f for r in (ref, *ctx.ancestors(ref)) for f in r.cls.fields}
        if storage and storage <= declared and entity_evidence(ctx, ref):
            return []

        # A repository is the collection's interface: its methods are about the storage,
        # themselves or through a step (a storage base's `persist`).
        def on_storage(m: FunctionFacts) -> bool:
            return bool(
                m.sql
                or (m.self_reads | set(m.self_writes)) & storage
                or any(_storage_head(c.receiver, storage) for c in m.calls)
            )

        every = ctx.all_methods(ref)
        # Only the steps its own methods call on self are asked about: not every inherited
        # method (hundreds under a model base): a sixth of the evidence over Django + SQLAlchemy.
        called = {c.method for m in own for c in m.calls if c.receiver == "self"}
        steps = {n for n in called if n in every and on_storage(every[n])}
        about = [m for m in own if on_storage(m) or any(c.receiver == "self" and c.method in steps for c in m.calls)]
        if len(about) * 2 < len(own):
            return []
        # head -> (method, evidence) pairs; the store and the look-up must be different methods
        # (a proxy's `add(x, y)` that forwards and returns is neither).
        adds: dict[str, list[tuple[str, Ev]]] = {}
        gets: dict[str, list[tuple[str, Ev]]] = {}
        keyed: dict[str, Ev] = {}  # stores keeping the object by its own id, or through a storage step
        # `self.queryset.get(id)` reads the session `queryset` is a property over.
        over = {
            m.name: h
            for m in ctx.all_methods(ref).values()
            if m.kind == "property"
            for c in m.calls
            if (h := _storage_head(c.receiver, storage)) is not None and h != m.name
        }
        own_containers = {c.attr for c in ctx.collabs(ref).values() if c.container} | by_class
        public_calls = {c for m in methods if not m.name.startswith("_") for c in m.self_calls}
        for m in methods:
            if not m.params:
                continue
            # A private step counts when a public method runs it (`add` -> `_add`), not when it
            # is a helper of something else (`notify` -> `_get_customer`).
            if m.name.startswith("_") and m.name not in public_calls:
                continue
            if not reaches_storage(ctx, m, storage, every):
                continue  # (most inherited methods: below, each find needs the storage)
            line = m.selection.line
            # A store receives an object, not only scalars (`set_token(user_id: str, token: str)`).
            stores = takes_object(ctx, ref, m)
            for op in m.container_ops:
                head = _storage_head(op.container, storage)
                source = param_of(m, op.arg) or serialised(m, op.arg)
                if head is None or source is None or op.container.endswith("[]"):
                    continue
                if own_kind(ctx, ref, m, f"param:{source}"):
                    continue
                # A cache maps an unrelated key to the value; a repository keys an object by
                # its own identity (`items[obj.ref] = obj`) or keeps a set/list of objects, or
                # hands it to an injected session.
                injected = head not in own_containers
                # Its own dict or list is a collection when the method says it stores (`add`,
                # `save`, `register`): a router keeping rules by name in `process_rule` is not.
                # (a row made from what it receives counts only in a method named to store)
                if (not injected or source != param_of(m, op.arg)) and not store_named(m.name):
                    continue
                # (a class keyed by its `__name__` is registered, not stored)
                if stores and (
                    op.op in ("append", "add")
                    or (op.key.startswith(f"attr:{source}.") and not op.key.endswith("__"))
                    or (injected and op.op != "setitem")
                ):
                    why = f"`{m.name}` stores the object it receives in `{op.container}`"
                    adds.setdefault(head, []).append((m.name, (line, why)))
                    if op.op == "setitem":  # keyed by its own identity
                        keyed.setdefault(m.name, (line, why))
            if stores and m.self_calls:
                # handed to a step that writes storage (`self.persist(user.id, user)` in a base)
                # (only a parameter some call on self is handed can be: asked before its kind)
                handed = {a for c in m.calls if c.receiver == "self" for a in c.args}
                for p in m.params:
                    arg = f"param:{p.name}"
                    if p.name not in ("self", "cls") and arg in handed and not own_kind(ctx, ref, m, arg):
                        for head in stepped_heads(every, m, arg, storage):
                            why = f"`{m.name}` stores the object it receives through a step writing `self.{head}`"
                            adds.setdefault(head, []).append((m.name, (line, why)))
                            keyed.setdefault(m.name, (line, why))
            for call in m.calls:
                head = _storage_head(call.receiver, storage)
                if head is None:
                    continue
                # the object itself, or (in a method named to store) a row or document made
                # from it and keyed by its own fields (`self.redis.set(f"order:{order.id}",
                # json.dumps(order.to_dict()))`; `set(key, json.dumps(value))` is a cache)
                rows = {src for a in call.args if (src := serialised(m, a))}
                row = store_named(m.name) and any(r.split(".")[0] in rows for r in m.foreign_reads)
                # (its own dict or list stores through a call, `self._rooms[room].add(ws)`, only
                # in a method named to store, as through an item assignment: `connect` is none)
                own_store = head not in own_containers or store_named(m.name)
                if (
                    stores
                    and own_store
                    and call.method in _STORE_VERBS
                    and (row or any(param_of(m, a) and not own_kind(ctx, ref, m, a) for a in call.args))
                ):
                    why = f"`{m.name}` hands the object to `self.{head}`"
                    adds.setdefault(head, []).append((m.name, (line, why)))
                    # kept whole by a session in a method named to store (`create(alert)` ->
                    # `self._session.add(alert)`; a use case's `self.carts.save(cart)` is no session)
                    if store_named(m.name) and head in storage_handles(ctx, ref) and not row:
                        keyed.setdefault(m.name, (line, why))
                elif call.method in _READ_VERBS and m.returns and any(p.name not in ("self", "cls") for p in m.params):
                    gets.setdefault(head, []).append((m.name, (line, f"`{m.name}` returns what `self.{head}` finds")))
            # SQL counts when the method runs it (a docstring saying "update the set" does not)
            runs_sql = any(c.method in _RUN_SQL for c in m.calls)
            if stores and runs_sql and m.sql & {"insert", "update"}:
                adds.setdefault("<sql>", []).append((m.name, (line, f"`{m.name}` writes with SQL")))
            for container, key in m.subscripts:
                head = _storage_head(container, storage)
                if head is not None and param_of(m, key) and m.returns:
                    why = f"`{m.name}` looks the object up by key in `{container}`"
                    gets.setdefault(head, []).append((m.name, (line, why)))
            for value in m.returns:
                head = _storage_head(value[5:], storage) if value.startswith("call:") else None
                # what the storage finds: `self._db.get(key)`, not any answer (`self.math.sub(x, y)`)
                if head is not None and m.params and value.rpartition(".")[2] in _READ_VERBS:
                    gets.setdefault(head, []).append((m.name, (line, f"`{m.name}` returns what `self.{head}` finds")))
            if runs_sql and "select" in m.sql and m.returns:
                gets.setdefault("<sql>", []).append((m.name, (line, f"`{m.name}` reads with an SQL SELECT")))
            for loop in m.loops:
                # a search: the loop reads each element's attribute to match the key it was given
                # and hands back the element it found, itself or as the first the generator
                # filtering the storage yields (`next((o for o in self._items if o.id == id), None)`)
                # (a row it keeps is read by key, `row["id"] == id`, and handed back as the
                # object made from the row's fields, `return User(row["id"], row["name"])`,
                # perhaps through a local; an object built from the element itself is a
                # mediator's `Travel(user, driver)`, not a row read back)
                made = {f"call:{c.func}" for c in m.calls if c.func[:1].isupper() and f"sub:{loop.target}" in c.args}
                local = any(v.startswith("name:") and v != f"name:{loop.target}" for v in m.returns)
                reads = any(r.startswith(f"{loop.target}.") for r in m.foreign_reads) or any(
                    c == loop.target for c, _ in m.subscripts
                )
                matches = (
                    bool(loop.target)
                    and reads
                    and (
                        f"name:{loop.target}" in m.returns
                        or "call:next" in m.returns
                        or bool(made and (made & set(m.returns) or local))
                    )
                )
                head = _storage_head(loop.iter, storage)
                if head is not None and m.returns and matches:
                    gets.setdefault(head, []).append((m.name, (line, f"`{m.name}` searches `{loop.iter}`")))
        found: dict[str, list[tuple[str, Ev]]] = {}
        for h, evs in gets.items():
            found.setdefault(over.get(h, h), []).extend(evs)
        pairs = [(a, found[over.get(h, h)]) for h, a in adds.items() if over.get(h, h) in found]
        if "<sql>" in adds:
            pairs += [(adds["<sql>"], g) for g in found.values()]
        if "<sql>" in found:
            pairs += [(a, found["<sql>"]) for a in adds.values()]
        for add_list, get_list in pairs:
            for (am, aev), (gm, gev) in itertools.product(add_list, get_list):
                if am != gm:
                    return [aev, gev]
        # listing what it keeps (`search_all()`) beside the stores, no finder by key yet
        lists = {
            m.name for m in own if m.returns and on_storage(m) and all(p.name in ("self", "cls") for p in m.params)
        }
        return write_only(ctx, ref, own, keyed, lists)

    def compute_all() -> list[Ev]:
        # Storage reached otherwise (a parameter, a `with` block, a module dict, an ORM manager).
        if ref.cls.is_interface:
            return []
        return compute() or gateway_evidence(ctx, ref) or _specialised(ctx, ref) or row_reader_evidence(ctx, ref)

    return memo(ctx, "repo", ref, compute_all)


def _specialised(ctx: Ctx, ref: ClassRef) -> list[Ev]:
    """A subclass adding no method of its own to a working repository it derives
    (`class UserRepository(SqlRepository[User]): model = User`): the whole collection
    interface is inherited, specialised for one kind of object."""
    if any(not n.startswith("__") for n in ref.cls.methods):
        return []  # methods of its own: asked of the class itself above
    for a in ctx.ancestors(ref):
        if not (a.cls.is_interface or a.cls.is_protocol) and repository_evidence(ctx, a):
            return [(ref.cls.selection.line, f"inherits the collection interface of the repository `{a.cls.name}`")]
    return []


# Asked of every class by a dozen detectors, each time up its interfaces and down all their
# implementations: kept per class.
@per_workspace
def is_repository(ctx: Ctx, ref: ClassRef) -> bool:
    if repository_evidence(ctx, ref):
        return True
    if ref.cls.is_interface or ref.cls.is_protocol:
        return bool(repository_port_evidence(ctx, ref)) or any(repository_evidence(ctx, d) for d in ctx.concrete(ref))
    return any(is_repository(ctx, a) for a in ctx.ancestors(ref) if a.cls.is_interface or a.cls.is_protocol)
