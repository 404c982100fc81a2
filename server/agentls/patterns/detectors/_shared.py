"""Structural predicates more than one detector needs, memoised per workspace state."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from agentls.patterns.context import Ctx, Ev
from agentls.patterns.facts import ClassFacts, FunctionFacts, ModuleIndex
from agentls.patterns.workspace import ClassRef

T = TypeVar("T")
_DATA_DUNDERS = frozenset({"__init__", "__post_init__", "__repr__", "__str__", "__hash__", "__eq__"})


def memo(ctx: Ctx, name: str, ref: ClassRef, compute: Callable[[], T]) -> T:
    key = (name, ref.key)
    if key not in ctx._cache:
        ctx._cache[key] = compute()
    return ctx._cache[key]  # type: ignore[no-any-return]


def is_namedtuple(cls: ClassFacts) -> bool:
    return any(b.rpartition(".")[2] == "NamedTuple" for b in cls.bases)


def behaviour_methods(cls: ClassFacts) -> list[FunctionFacts]:
    return [
        m
        for n, m in cls.methods.items()
        if n not in _DATA_DUNDERS and m.kind != "property" and not (m.kind == "classmethod" and n.startswith("from"))
    ]


def is_data_holder(cls: ClassFacts) -> bool:
    """Fields and nothing else: a dataclass, a NamedTuple, or an __init__ that only stores."""
    for n, m in cls.methods.items():  # behaviour_methods(cls), stopping at the first
        if n not in _DATA_DUNDERS and m.kind != "property" and not (m.kind == "classmethod" and n.startswith("from")):
            return False
    if cls.dataclass or is_namedtuple(cls):
        return True
    init = cls.methods.get("__init__")
    return init is not None and not init.calls and bool(init.self_writes)


def mutates(fn: FunctionFacts) -> bool:
    if fn.sql & {"insert", "update", "delete"}:
        return True
    return any(c.method in ("commit", "add", "add_all", "save", "flush") for c in fn.calls)


def param_of(fn: FunctionFacts, value: str) -> str | None:
    return value[6:] if value.startswith("param:") and fn.param(value[6:]) else None


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


def _storage_attrs(ctx: Ctx, ref: ClassRef) -> set[str]:
    """Attributes that hold storage: an injected session/connection or an own container,
    in this class or inherited."""
    out = set()
    for r in [ref, *ctx.ancestors(ref)]:
        for c in ctx.collabs(r).values():
            if c.container or (c.from_param and (c.methods or not c.types)):
                out.add(c.attr)
        for m in r.cls.methods.values():
            for attr, values in m.self_writes.items():
                if any(v.startswith(("call:", "param:")) for v in values):
                    out.add(attr)
    # A property reaching into storage (`queryset` returning `self.session.query(X)`) is storage.
    for r in [ref, *ctx.ancestors(ref)]:
        for m in r.cls.methods.values():
            if m.kind == "property" and any(_storage_head(c.receiver, out) for c in m.calls):
                out.add(m.name)
    return out


def _storage_head(receiver: str, storage: set[str]) -> str | None:
    """`self._session.execute()` → `_session` when that attribute holds storage."""
    if not receiver.startswith("self."):
        return None
    head = receiver[5:].split(".")[0].split("(")[0].rstrip("[]")
    return head if head in storage else None


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
        storage = _storage_attrs(ctx, ref)
        methods = [
            m
            for m in ctx.all_methods(ref).values()
            if not m.name.startswith("__") and m.kind in ("method", "classmethod") and not m.is_stub
        ]
        if not methods:
            return []
        own = [m for m in ref.cls.methods.values() if not m.name.startswith("__") and m.kind == "method"]
        # A repository is the collection's interface: its methods are about the storage.
        about = [
            m
            for m in own
            if m.sql
            or (m.self_reads | set(m.self_writes)) & storage
            or any(_storage_head(c.receiver, storage) for c in m.calls)
        ]
        # A collection interface is small and simple; a class doing everything (a god class
        # that also saves) is not one.
        if not own or len(about) * 2 < len(own) or len(own) > 15 or sum(m.complexity for m in own) > 40:
            return []
        adds: dict[str, Ev] = {}
        gets: dict[str, Ev] = {}
        # `self.queryset.get(id)` reads the session `queryset` is a property over.
        over = {
            m.name: h
            for m in ctx.all_methods(ref).values()
            if m.kind == "property"
            for c in m.calls
            if (h := _storage_head(c.receiver, storage)) is not None and h != m.name
        }
        for m in methods:
            if not m.params:
                continue
            line = m.selection.line
            for op in m.container_ops:
                head = _storage_head(op.container, storage)
                if head is None or not param_of(m, op.arg) or op.container.endswith("[]"):
                    continue
                # A cache maps an unrelated key to the value; a repository keys an object by
                # its own identity (`items[obj.ref] = obj`) or keeps a set/list of objects, or
                # hands it to an injected session.
                injected = head not in {c.attr for c in ctx.collabs(ref).values() if c.container}
                if (
                    op.op in ("append", "add")
                    or op.key.startswith(f"attr:{op.arg[6:]}.")
                    or (injected and op.op != "setitem")
                ):
                    adds.setdefault(head, (line, f"`{m.name}` stores the object it receives in `{op.container}`"))
            for call in m.calls:
                head = _storage_head(call.receiver, storage)
                if head is None:
                    continue
                if call.method in _STORE_VERBS and any(param_of(m, a) for a in call.args):
                    adds.setdefault(head, (line, f"`{m.name}` hands the object to `self.{head}`"))
                elif call.method in _READ_VERBS and m.returns and any(p.name not in ("self", "cls") for p in m.params):
                    gets.setdefault(head, (line, f"`{m.name}` returns what `self.{head}` finds"))
            if m.sql & {"insert", "update"}:
                adds.setdefault("<sql>", (line, f"`{m.name}` writes with SQL"))
            for container, key in m.subscripts:
                head = _storage_head(container, storage)
                if head is not None and param_of(m, key) and m.returns:
                    gets.setdefault(head, (line, f"`{m.name}` looks the object up by key in `{container}`"))
            for value in m.returns:
                head = _storage_head(value[5:], storage) if value.startswith("call:") else None
                if head is not None and m.params:
                    gets.setdefault(head, (line, f"`{m.name}` returns what `self.{head}` finds"))
            if "select" in m.sql and m.returns:
                gets.setdefault("<sql>", (line, f"`{m.name}` reads with an SQL SELECT"))
            for loop in m.loops:
                # a search: the loop reads each element's attribute to match the key it was given
                matches = any(r.startswith(f"{loop.target}.") for r in m.foreign_reads)
                head = _storage_head(loop.iter, storage)
                if head is not None and m.returns and matches:
                    gets.setdefault(head, (line, f"`{m.name}` searches `{loop.iter}`"))
        gets = {over.get(h, h): ev for h, ev in gets.items()}
        for head, ev in adds.items():
            if over.get(head, head) in gets:
                return [ev, gets[over.get(head, head)]]
        if "<sql>" in adds and gets:
            return [adds["<sql>"], next(iter(gets.values()))]
        if "<sql>" in gets and adds:
            return [next(iter(adds.values())), gets["<sql>"]]
        return []

    return memo(ctx, "repo", ref, compute)


_ANN_WORD = re.compile(r"[A-Za-z_][\w.]*")
_NOT_ENTITIES = frozenset(
    {
        "None",
        "Optional",
        "List",
        "list",
        "Sequence",
        "Iterable",
        "Iterator",
        "Union",
        "Any",
        "str",
        "int",
        "float",
        "bool",
        "bytes",
        "dict",
        "Dict",
        "set",
        "Set",
        "tuple",
        "Tuple",
        "object",
        "Type",
        "type",
        "UUID",
        "datetime",
        "date",
        "Callable",
        "Awaitable",
    }
)


def _ann_names(ann: str | None) -> set[str]:
    return {w.rpartition(".")[2] for w in _ANN_WORD.findall(ann or "")} - _NOT_ENTITIES


def repository_port_evidence(ctx: Ctx, ref: ClassRef) -> list[Ev]:
    """A persistence port: an interface (abstract class or Protocol) that takes objects of a
    type in one method and gives that type back from another that takes a key — a collection
    of them (`save(event: Event)`, `find_by_id(id) -> Optional[Event]`)."""

    def compute() -> list[Ev]:
        cls = ref.cls
        methods = ctx.all_methods(ref)
        public = [m for n, m in methods.items() if not n.startswith("__")]
        if not public or not (cls.is_interface or cls.is_protocol or all(m.is_stub or m.abstract for m in public)):
            return []
        takes: dict[str, FunctionFacts] = {}
        for m in public:
            answer = _ann_names(m.returns_annotation)
            for p in m.params:
                names = _ann_names(p.annotation)
                # A store answers nothing or hands back what it stored (`insert(d: D) -> D`);
                # a converter (`encode(x) -> str`) is no collection.
                if m.returns_annotation in (None, "None") or (answer and answer <= names):
                    for name in names:
                        takes.setdefault(name, m)
        for m in public:
            for name in _ann_names(m.returns_annotation):
                given = takes.get(name)
                if given is None or given is m or not m.params:
                    continue
                target = ctx.ws.resolve(ref.module, name)
                if target is not None and ((target.cls.is_interface and not target.cls.fields) or message_like(target)):
                    continue  # a service port handing out services, or a bus taking messages
                return [
                    (given.selection.line, f"`{given.name}` takes a `{name}`"),
                    (m.selection.line, f"`{m.name}` gives one back by key"),
                ]
        return _finder_port(ctx, ref, public) or _entity_store_port(ctx, ref, public)

    key = ("repo_port", ref.key)
    if key not in ctx._cache:
        ctx._cache[key] = []  # while computing: a port whose implementations lead back to it
        ctx._cache[key] = compute()
    return ctx._cache[key]  # type: ignore[no-any-return]


_KEY_PARAMS = frozenset({"id", "pk", "key", "uuid", "reference", "ref", "sku", "slug"})


def _entity_store_port(ctx: Ctx, ref: ClassRef, public: list[FunctionFacts]) -> list[Ev]:
    """A port storing entities and searching them: one method takes an entity and answers
    nothing (`save(event: Event) -> None`), another takes criteria and gives a collection back
    (`search(start, end) -> list`). Messages handed to a publisher are not entities."""
    for m in public:
        if m.returns_annotation not in (None, "None"):
            continue
        stored = [
            r
            for p in m.params
            for r in ctx.annotation_refs(p.annotation, ref.module)
            if r != ref and not message_like(r) and entity_evidence(ctx, r)
        ]
        if not stored:
            continue
        for q in public:
            answer = (q.returns_annotation or "").partition("[")[0].rpartition(".")[2]
            if q is not m and q.params and answer in ("list", "List", "Sequence", "Iterable", "set", "Set"):
                return [
                    (m.selection.line, f"`{m.name}` stores a `{stored[0].cls.name}`"),
                    (q.selection.line, f"`{q.name}` searches what it stored"),
                ]
    return []


def _finder_port(ctx: Ctx, ref: ClassRef, public: list[FunctionFacts]) -> list[Ev]:
    """A read-side persistence port: a method taking an identity (a value-object id, or a
    parameter named as one) gives back entities (`get(consignee_id: ConsigneeId) -> Address`,
    `zones_by_event_id(event_id) -> List[Zone]`)."""
    for m in public:
        keys = [
            p
            for p in m.params
            if p.name.lower() in _KEY_PARAMS
            or p.name.lower().endswith(("_id", "_key", "_uuid"))
            or any(value_object_evidence(ctx, r) for r in ctx.annotation_refs(p.annotation, ref.module))
        ]
        if not keys:
            continue
        # A use-case port (`execute(todo_id) -> Todo`) looks the same; its implementations
        # work through a repository rather than on storage.
        if any(
            t != ref and (is_repository(ctx, t) or is_uow(ctx, t))
            for d in ctx.concrete(ref)
            for c in ctx.collabs(d).values()
            for t in c.types
        ):
            return []
        for name in _ann_names(m.returns_annotation):
            target = ctx.ws.resolve(ref.module, name)
            if target is None or target == ref or message_like(target) or not entity_evidence(ctx, target):
                continue
            return [(m.selection.line, f"`{m.name}` finds `{name}` entities by `{keys[0].name}`")]
    return []


def message_like(ref: ClassRef) -> bool:
    tails = {b.rpartition(".")[2].rstrip("[]") for b in ref.cls.bases}
    return bool(tails & {"Command", "Query", "Event", "DomainEvent", "Message"})


def is_repository(ctx: Ctx, ref: ClassRef) -> bool:
    if repository_evidence(ctx, ref):
        return True
    if ref.cls.is_interface or ref.cls.is_protocol:
        return bool(repository_port_evidence(ctx, ref)) or any(repository_evidence(ctx, d) for d in ctx.concrete(ref))
    return any(is_repository(ctx, a) for a in ctx.ancestors(ref) if a.cls.is_interface or a.cls.is_protocol)


_UNDO = frozenset({"rollback", "_rollback", "abort", "discard", "_discard", "cancel", "close"})
_FINISH = frozenset({"commit", "_commit", "complete", "_complete", "flush", "save_changes"})


def uow_evidence(ctx: Ctx, ref: ClassRef) -> list[Ev]:
    """A transaction as a context manager: leaving the `with` block undoes (rolls back) what
    was not finished (committed), and the object hands out repositories — or, without
    repositories, it commits and rolls back explicitly."""

    def compute() -> list[Ev]:
        methods = ctx.all_methods(ref)
        exit_ = methods.get("__exit__") or methods.get("__aexit__")
        if exit_ is None and ("__enter__" in methods or "__aenter__" in methods):
            return _library_uow(ctx, ref)
        if exit_ is None or ("__enter__" not in methods and "__aenter__" not in methods):
            return []
        called = {c.method for c in exit_.calls}
        undo = sorted(n for n in exit_.self_calls if n in methods) + sorted(called & _UNDO)
        finish = [n for n in methods if not n.startswith("_") and n not in undo and n != exit_.name]
        finish += sorted(called & _FINISH)
        repos = [
            c.attr
            for r in [ref, *ctx.ancestors(ref)]
            for c in ctx.collabs(r).values()
            if any(is_repository(ctx, t) for t in c.types)
        ]
        names = set(methods) | called | {c.method for m in methods.values() for c in m.calls}
        transactional = bool(names & _FINISH) and bool(names & _UNDO)
        if not undo or not finish or not (repos or transactional):
            return []
        return [
            (exit_.selection.line, f"leaving the `with` block calls `{undo[0]}`"),
            (ref.cls.selection.line, f"owns repositories: {', '.join(f'`{r}`' for r in repos)}")
            if repos
            else (ref.cls.selection.line, "commits or rolls back the work done inside the block"),
        ]

    return memo(ctx, "uow", ref, compute)


def _library_uow(ctx: Ctx, ref: ClassRef) -> list[Ev]:
    """A unit of work whose transaction handling (exit, commit, rollback) comes from a library
    base: its own `__enter__` opens the block and creates repositories over the block's
    session (`self.repository = AuthorRepository(self.session)`)."""
    if not ref.cls.bases or any(ctx.resolve(b, ref.module) is not None for b in ref.cls.bases):
        return []
    enter = ref.cls.methods.get("__enter__") or ref.cls.methods.get("__aenter__")
    if enter is None:
        return []
    for c in enter.calls:
        r = ctx.resolve(c.func, ref.module)
        over_own = any(a.startswith("attr:self.") for a in c.args)
        if (
            r is not None
            and (over_own or is_repository(ctx, r))
            and any(f"call:{c.func}" in v for v in enter.self_writes.values())
        ):
            attr = next(a for a, v in enter.self_writes.items() if f"call:{c.func}" in v)
            return [
                (enter.selection.line, f"entering the block creates `{r.cls.name}` over its session"),
                (ref.cls.selection.line, f"exposes it as `self.{attr}`; commit and rollback come from its base"),
            ]
    return []


def is_uow(ctx: Ctx, ref: ClassRef) -> bool:
    return bool(uow_evidence(ctx, ref)) or any(uow_evidence(ctx, d) for d in ctx.descendants(ref))


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
_ID_NAMES = frozenset({"id", "_id", "uuid", "_uuid", "reference", "ref", "sku", "pk", "identity", "_identity"})


def is_exception(ctx: Ctx, ref: ClassRef) -> bool:
    names = [*ref.cls.bases, *(b for a in ctx.ancestors(ref) for b in a.cls.bases)]
    return any(n.rpartition(".")[2].endswith(("Exception", "Error")) for n in names)


def is_test_file(module: ModuleIndex) -> bool:
    """A module of tests by its file name (`test_*.py`, `*_test.py`, `conftest.py`)."""
    name = module.path.replace("\\", "/").rpartition("/")[2]
    return name.startswith("test_") or name.endswith("_test.py") or name == "conftest.py"


def is_test_module(module: ModuleIndex) -> bool:
    """A test file, or any module under a `tests` folder (fixtures and helpers included)."""
    return "/tests/" in "/" + module.path.replace("\\", "/") or is_test_file(module)


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
    parts = set(ref.module.module.split(".")) | set(ref.path.replace("\\", "/").split("/"))
    return bool(parts & _DOMAIN_PARTS)


def mutators(cls: ClassFacts) -> list[FunctionFacts]:
    """Methods that change the object after it is made."""
    return [
        m
        for n, m in cls.methods.items()
        if not n.startswith("__")
        and m.kind == "method"
        and (m.self_writes or any(op.container.startswith("self.") for op in m.container_ops))
    ]


def _identity_attr(ctx: Ctx, ref: ClassRef) -> str | None:
    attrs = {*ref.cls.fields, *ref.cls.instance_attrs()}
    for a in [ref, *ctx.ancestors(ref)]:
        attrs |= {*a.cls.fields, *a.cls.instance_attrs()}
    for name in sorted(attrs):
        bare = name.lstrip("_")
        if name in _ID_NAMES or bare == f"{ref.cls.name.lower()}_id":
            return name
    return None


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
        if not in_domain(ref) or ref.module.module.rpartition(".")[0].endswith("value_objects"):
            return []  # a value objects package holds values, identifiers included
        ident = _identity_attr(ctx, ref)
        if ident is None or any("self" in m.returns for m in ref.cls.methods.values()):  # a builder
            return []
        changing = mutators(ref.cls) or [m for a in ctx.ancestors(ref) for m in mutators(a.cls)]
        state = ref.cls.instance_attrs() | set(ref.cls.fields)
        if changing:
            return [
                (ref.cls.selection.line, f"identified by `{ident}` in a domain package"),
                (changing[0].selection.line, f"`{changing[0].name}` changes it over its life"),
            ]
        if len(state) >= 2 or ctx.ws.subclasses(ref):
            return [(ref.cls.selection.line, f"identified by `{ident}` in a domain package, with mutable state")]
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
        if (
            mutators(cls)
            or _identity_equality(ctx, ref)
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
        compared = (eq.self_reads - plain) if eq is not None else set()
        if eq is not None and compared and (compared >= state or len(state) <= 2):
            return [(eq.selection.line, "equality compares its values; nothing changes it after creation")]
        if eq is not None and (eq.abstract or eq.is_stub) and ctx.ws.subclasses(ref):
            return [(eq.selection.line, "requires value equality of every subclass")]
        hash_ = cls.methods.get("__hash__")
        if hash_ is not None and hash_.self_reads and (eq is None or compared):
            return [(hash_.selection.line, "hashed on its value; nothing changes it after creation")]
        if cls.dataclass and eq is None and cls.fields:
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


def handler_maps(ctx: Ctx) -> list[tuple[ModuleIndex, str, bool, list[tuple[ClassRef, list[str]]]]]:
    """Module dicts mapping message classes to handlers: (module, name, values_are_lists, entries)."""
    key = "handler_maps"
    if key not in ctx._cache:
        found = []
        for module in ctx.ws.modules():
            for name, entries in module.dicts.items():
                resolved = []
                for e in entries:
                    if e.key == "const":
                        continue  # a string or number key names an option, not a message class
                    # keyed by the class, or by its name attribute (`{BookedTableEvent.name: ...}`)
                    r = ctx.ws.resolve(module, e.key) or (
                        ctx.ws.resolve(module, e.key.rpartition(".")[0]) if "." in e.key else None
                    )
                    if r is not None and e.values and not any(ctx.ws.resolve(module, v) for v in e.values):
                        resolved.append((r, list(e.values)))
                if len(resolved) >= 2 and len(resolved) >= len(entries) // 2:
                    found.append((module, name, all(e.is_list for e in entries), resolved))
        ctx._cache[key] = found
    return ctx._cache[key]  # type: ignore[no-any-return]
