"""Collection-like gateways over storage that the attribute-tracking test in `_repositories`
does not see: storage reached through a parameter (`add(session, order)`), a `with` block
(`with SessionLocal() as s`), a session factory called per method, a module-level or
class-level dict, or an ORM model's manager (`OrderModel.objects.get(id=...)`).

A repository is recognised by what its interface does, not what it is built on: one method
whose name says it stores (`add`, `save`, `put`, `insert`, `create`, `update`, `upsert`) takes
an object and hands something to the storage; another whose name says it finds (`get`,
`find_by_*`, `fetch`, `load`, `by_*`, `search_by_*`, `select_*`) takes a key and returns what the storage
gives back.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from agentls.patterns.context import Ctx, Ev, per_workspace
from agentls.patterns.detectors._basics import memo, memo_class
from agentls.patterns.detectors._mapped_rows import inserts_row, manager_rows, mapped_rows, orm_class
from agentls.patterns.facts import FunctionFacts, ModuleIndex, Param
from agentls.patterns.workspace import ClassRef

_STORE_WORDS = frozenset({"add", "save", "put", "insert", "create", "store", "persist", "update", "upsert", "register"})
# (`select_thematic(id)`: clean-architecture templates name finders after the SQL verb)
_FIND_WORDS = frozenset(
    {"get", "find", "fetch", "load", "by", "retrieve", "lookup", "one", "first", "search", "select"}
)
_STORE_CALLS = frozenset(
    {
        "add",
        "add_all",
        "merge",
        "save",
        "insert",
        "insert_one",
        "insert_many",
        "replace_one",
        "update_one",
        "update_or_create",
        "get_or_create",
        "create",
        "bulk_create",
        "put",
        "put_item",
        "set",
        "hset",
        "hmset",
        "setdefault",
        "append",
        "execute",
        "persist",
        "store",
        "write",
        "upsert",
        "flush",
    }
)
# Words naming a storage handle in a parameter, an annotation or a `with` expression.
_STORAGE_WORDS = (
    "session",
    "conn",
    "connection",
    "cursor",
    "engine",
    "db",
    "database",
    "client",
    "collection",
    "table",
)
_CONTAINERS = frozenset({"dict", "list", "set", "call:dict", "call:list", "call:set", "call:defaultdict"})
# Annotations of scalar values: a store taking only these writes fields, not an object.
_SCALARS = frozenset({"int", "str", "float", "bool", "bytes", "UUID", "uuid.UUID", "datetime", "date", "Decimal"})


def _word(name: str) -> str:
    return name.lstrip("_").split("_")[0].lower()


# Any of the words anywhere in a text, in one scan (asked some 30,000 times per workspace).
_STORAGE_WORD = re.compile("|".join(_STORAGE_WORDS))


def _storage_word(text: str | None) -> bool:
    return text is not None and _STORAGE_WORD.search(text.lower()) is not None


def _storage_name(parts: list[str]) -> bool:
    """A dotted name whose words name a storage handle (`db.session`, `mongo_client`), word by
    word: `feedback` holds no `db`."""
    words = {w for p in parts for w in p.split("(")[0].lower().split("_")}
    return bool(words & set(_STORAGE_WORDS))


def _storage_param(ctx: Ctx, module: ModuleIndex, p: Param) -> bool:
    """A parameter holding a storage handle: typed as a library's session, connection, client
    (`AsyncSession`; an application class such as `AuthSession` is an object to store), or,
    untyped, named as one (`session`, `db`, `read_conn`; not `session_id`)."""
    if p.annotation:
        return _storage_word(p.annotation) and not ctx.annotation_refs(p.annotation, module)
    return p.name.lower().rpartition("_")[2] in _STORAGE_WORDS


def storage_handles(ctx: Ctx, ref: ClassRef) -> set[str]:
    """Attributes (own or inherited) holding a storage handle: named or typed as one
    (`self._session`, `self.collection`, `self._session_factory: Callable[..., Session]`),
    built by a call that names one (`self.db = connect(url)`), or a class-level container.
    An instance's own list or dict is left to the collection test in `_repositories`, which
    tells a cache from a repository by how the object is keyed."""
    out = class_containers(ctx, ref)
    for r in [ref, *ctx.ancestors(ref)]:
        out.update(_own_handles(ctx, r))
    return out


def _own_handles(ctx: Ctx, r: ClassRef) -> set[str]:
    """The handles ``storage_handles`` finds in one class's own fields and methods, kept per
    class: every subclass asks them of its bases again."""

    def compute() -> set[str]:
        cls = r.cls
        out = {a for a, ann in cls.fields.items() if _storage_word(a) or _storage_word(ann)}
        for m in cls.methods.values():
            for attr, values in m.self_writes.items():
                for v in values:
                    kind, _, rest = v.partition(":")
                    p = m.param(rest) if kind == "param" else None
                    named = _storage_word(attr) and kind in ("param", "call", "sub", "attr")
                    typed = p is not None and _storage_word(p.annotation)
                    if named or typed or (kind in ("call", "sub") and _storage_word(rest)):
                        out.add(attr)
        return out

    return memo_class(ctx, "storage handles", r, compute)


def class_containers(ctx: Ctx, ref: ClassRef) -> set[str]:
    """Containers made once for the class (`_users: dict[str, User] = {}`), own or inherited:
    an in-memory repository's storage as much as an instance's own dict."""
    return {a for r in [ref, *ctx.ancestors(ref)] for a, v in r.cls.class_attrs.items() if v in _CONTAINERS}


def _storage_heads(ctx: Ctx, ref: ClassRef, m: FunctionFacts, attrs: set[str]) -> set[str]:
    """The receivers in `m` that reach storage: `self.<attr>` holding one, a parameter named or
    typed as one, a local bound by a `with` over one, a module-level container, or a mapped
    class's manager (`OrderModel.objects`, `Order.query`)."""
    module = ref.module
    params = {p.name: p for p in m.params}
    with_storage = any(_storage_word(w) or w.startswith("self.") for w in m.with_items)
    heads: set[str] = set()
    receivers = [c.receiver for c in m.calls] + [op.container for op in m.container_ops] + [c for c, _ in m.subscripts]
    for receiver in receivers:
        if not receiver:
            continue
        parts = receiver.split(".")
        head = parts[0].split("(")[0].rstrip("[]")
        if head == "self" and len(parts) > 1:
            attr = parts[1].split("(")[0].rstrip("[]")
            if attr in attrs:
                heads.add(receiver)
        elif head in params:
            if _storage_param(ctx, module, params[head]):
                heads.add(receiver)
        elif module.assigns.get(head) in _CONTAINERS:
            heads.add(receiver)
        elif (head in module.import_map or head in module.assigns) and _storage_name(parts[:2]):
            heads.add(receiver)  # a module-level handle: Flask-SQLAlchemy's `db.session`, `session`
        elif (len(parts) == 1 or parts[1] in ("objects", "query")) and orm_class(ctx, module, head):
            heads.add(receiver)  # `Order.objects.get(...)`, `Order.query.get(...)`, an ODM's `Order.find_one(...)`
        elif head not in module.import_map and head not in module.classes and with_storage and "(" not in receiver:
            heads.add(receiver)  # `s.add(...)` inside `with SessionLocal() as s`
    return heads


def store_named(name: str) -> bool:
    """`add`, `save_order`, `_add`, `register`: a method named for storing."""
    return _word(name) in _STORE_WORDS or _word(name) in ("append", "set", "put", "push")


def takes_object(ctx: Ctx, ref: ClassRef, m: FunctionFacts) -> bool:
    """It receives an object, not only scalars (the fields of a row, `create(id: int, email: str)`)
    or a storage handle."""
    return any(
        p.name not in ("self", "cls") and p.annotation not in _SCALARS and not _storage_param(ctx, ref.module, p)
        for p in m.params
    )


def _store(m: FunctionFacts, heads: set[str], ctx: Ctx, ref: ClassRef) -> bool:
    if _word(m.name) not in _STORE_WORDS:
        return False
    # It stores an object: one it receives, or one of the application's classes it makes from
    # the fields it receives (`create(email: str, name: str)` building a `User` to add).
    made = (
        any(
            r != ref and (r.cls.dataclass or r.cls.fields or r.cls.methods)
            for _, r in ctx.instantiations(m, ref.module)
        )
        or inserts_row(ctx, ref, m)
        or bool(manager_rows(ctx, ref, m))
    )
    if not (takes_object(ctx, ref, m) or (made and len(m.params) > 1)):
        return False
    if m.sql & {"insert", "update"}:
        return True
    # (a class kept under its `__name__` is registered, not stored)
    if any(
        op.container in heads and op.op in ("setitem", "append", "add") and not op.key.endswith("__")
        for op in m.container_ops
    ):
        return True
    for c in m.calls:
        if c.method not in _STORE_CALLS:
            continue
        if c.receiver in heads:
            return True
        # `OrderModel(...).save()` / `OrderModel.objects.create(...)` on a mapped class
        if c.receiver.endswith(".objects") and c.receiver.split(".")[0] in {h.split(".")[0] for h in heads}:
            return True
    return False


def _find(ctx: Ctx, ref: ClassRef, m: FunctionFacts, heads: set[str]) -> bool:
    if _word(m.name) not in _FIND_WORDS or not m.returns or m.returns == ["none"]:
        return False
    if not any(p.name not in ("self", "cls") and not _storage_param(ctx, ref.module, p) for p in m.params):
        return False  # a keyed look-up, not `list()`
    if "select" in m.sql:
        return True
    if any(c in heads for c, _ in m.subscripts):
        return True
    return any(c.receiver in heads or c.receiver.split("(")[0] in heads for c in m.calls)


@per_workspace
def _named(ctx: Ctx, ref: ClassRef) -> tuple[bool, bool]:
    """Whether the class itself defines a method named to store, and a public one named to
    find (neither a dunder nor a stub): what ``gateway_evidence`` needs somewhere in the
    class or its ancestors before it looks any further."""
    store = find = False
    for n, m in ref.cls.methods.items():
        if n.startswith("__") or m.is_stub:
            continue
        word = _word(n)
        store = store or word in _STORE_WORDS
        find = find or (word in _FIND_WORDS and not n.startswith("_"))
    return store, find


def gateway_evidence(ctx: Ctx, ref: ClassRef) -> list[Ev]:
    """A store method and a keyed find method over the same kind of storage, on a small class
    most of whose methods work on that storage."""

    def compute() -> list[Ev]:
        cls = ref.cls
        # Without a method named to store and a public one named to find there is no gateway
        # (``_store``, ``_find``): most classes end here, before their storage is worked out.
        named = [_named(ctx, r) for r in (ref, *ctx.ancestors(ref))]
        if not any(store for store, _ in named):
            return []
        # with no finder, only the write side of a table (``_row_writer``) is left to find: a
        # class none of whose own stores builds a mapped row ends here
        if not any(find for _, find in named) and not any(
            _word(n) in _STORE_WORDS and mapped_rows(ctx, ref, m) for n, m in cls.methods.items()
        ):
            return []
        if cls.is_interface or cls.is_protocol or cls.declares_abstract:
            return []
        own = [
            m
            for n, m in cls.methods.items()
            if not n.startswith("__") and m.kind in ("method", "staticmethod", "classmethod") and not m.is_stub
        ]
        if not own or len(own) > 15 or sum(m.complexity for m in own) > 60:
            return []
        attrs = storage_handles(ctx, ref)
        every = ctx.all_methods(ref)
        # The storage each method reaches, worked out only for the methods asked about below
        # (a Django model inherits a hundred public methods that are neither step nor store).
        heads: dict[str, set[str]] = {}

        def heads_of(m: FunctionFacts) -> set[str]:
            found = heads.get(m.name)
            if found is None:
                found = heads[m.name] = _storage_heads(ctx, ref, m, attrs)
            return found

        public = [m for m in own if not m.name.startswith("_")]
        # public methods on the storage, directly or through a private step that is (only the
        # steps they call are asked: a Django model inherits a hundred private methods)
        called = {n for m in public for n in m.self_calls if n.startswith("_") and n in every}
        helpers = {n for n in called if heads_of(every[n])}
        about = [m for m in public if heads_of(every[m.name]) or m.sql or m.self_calls & helpers]
        if len(about) * 2 < len(public):
            return []
        methods = [m for m in every.values() if not m.name.startswith("__") and not m.is_stub]
        # (`_store` and `_find` refuse a method not named to store or find before its storage)
        store = next((m for m in methods if _word(m.name) in _STORE_WORDS and _store(m, heads_of(m), ctx, ref)), None)
        finds = [m for m in methods if m is not store and not m.name.startswith("_")]
        find = next((m for m in finds if _word(m.name) in _FIND_WORDS and _find(ctx, ref, m, heads_of(m))), None)
        if store is None:
            return []
        if find is None:
            return _row_writer(ctx, ref, store, public, heads_of)
        return [
            (store.selection.line, f"`{store.name}` hands what it receives to the storage"),
            (find.selection.line, f"`{find.name}` looks it up by key in the same storage"),
        ]

    return memo(ctx, "gateway", ref, compute)


# Methods changing or removing rows of the collection, named so.
_CHANGE_WORDS = frozenset({"update", "delete", "remove", "change", "set"})


def _key_name(name: str) -> bool:
    """`id`, `task_id`, `pk`: a parameter naming a row's key."""
    return name.lower() in ("id", "pk", "key", "uuid") or name.lower().endswith(("_id", "_pk", "_key", "_uuid"))


def _row_writer(
    ctx: Ctx,
    ref: ClassRef,
    store: FunctionFacts,
    public: list[FunctionFacts],
    heads_of: Callable[[FunctionFacts], set[str]],
) -> list[Ev]:
    """The write side of a table's collection with no finder by key: its store builds a row of a
    mapped class from the fields it is handed and adds it (`Municipio(nome=name, uf=state)` then
    `session.add(...)`, `Member.objects.create(...)`), and every other public method stores so
    too, lists what the storage holds, taking nothing (`select_all_laws()`), or changes or
    removes a row by the key it is handed (`remove_task(task_id)`). A store building no mapped
    row writes fields: no collection."""
    rows = mapped_rows(ctx, ref, store)
    if not rows:
        return []
    for m in public:
        if m is store:
            continue
        stores = _word(m.name) in _STORE_WORDS and _store(m, heads_of(m), ctx, ref)
        lists = bool(heads_of(m)) and m.returns and not [p for p in m.params if p.name not in ("self", "cls")]
        # or it changes or removes a row it is handed the key of (`update_task_status(id,
        # done)`, `remove_task(id)` on `Task.objects.get(id=id)`)
        keyed = any(_key_name(p.name) for p in m.params)
        changes = keyed and _word(m.name) in _CHANGE_WORDS and bool(heads_of(m))
        if not (stores or lists or changes):
            return []
    return [
        (store.selection.line, f"`{store.name}` adds a `{rows[0].cls.name}` row built from the fields it is handed"),
        (ref.cls.selection.line, "its other methods store so too or list what the storage holds"),
    ]
