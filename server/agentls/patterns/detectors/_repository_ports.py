"""Repository ports: an interface (abstract class or Protocol) declaring collection-like
access to stored objects, in any of its forms (takes a type and gives it back by key; stores
entities and searches them; takes an entity an implementation keeps; finds entities by an
identity)."""

from __future__ import annotations

import re

from agentls.patterns.context import Ctx, Ev
from agentls.patterns.detectors._composite_checks import calls_child
from agentls.patterns.detectors._domain_model import entity_evidence, module_in_domain, value_object_evidence
from agentls.patterns.detectors._row_readers import reaches_rows
from agentls.patterns.detectors._saving_ports import message_like, stores_received
from agentls.patterns.facts import FunctionFacts, Param
from agentls.patterns.workspace import ClassRef

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


# Effect types an operation answers through (`returns`' `FutureResult`, `Result`, a
# coroutine): carrying nothing else, they answer nothing.
_EFFECTS = frozenset(
    {"FutureResult", "FutureResultE", "Result", "ResultE", "IOResult", "IOResultE", "Future", "Coroutine", "Deferred"}
)


def _answers_nothing(ann: str | None) -> bool:
    """`-> None`, or an effect carrying nothing but failures (`-> FutureResult`,
    `-> Result[None, DomainError]`): what a store answers. (`-> Result[str, Any]` answers a
    string: a serializer's.)"""
    words = {w.rpartition(".")[2] for w in _ANN_WORD.findall(ann or "")} - _EFFECTS - {"None", "Any"}
    return ann in (None, "None") or not {w for w in words if not w.endswith(("Exception", "Error"))}


def _key_param(name: str) -> bool:
    """`id`, `order_id`: a parameter naming a key, not an object to store."""
    return name.lower() in _KEY_PARAMS or name.lower().endswith(("_id", "_key", "_uuid"))


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
        # A port is mostly declarations: a base class with one abstract hook among many working
        # methods (a test collector node, a router) is a framework class, not a port.
        named = [m for m in public if not m.name.startswith("_")]
        if not cls.is_protocol and 2 * sum(1 for m in named if m.is_stub or m.abstract) < len(named):
            return []
        takes: dict[str, FunctionFacts] = {}
        for m in named:
            answer = _ann_names(m.returns_annotation)
            # the object stored is a required argument, not a default (`get(name, default: Mark)`)
            # (`remove(id: OrderId)` takes a key, not an object it stores)
            for p in (p for p in m.params if not p.has_default and not _key_param(p.name)):
                names = _ann_names(p.annotation)
                # A store answers nothing or hands back what it stored (`insert(d: D) -> D`);
                # a converter (`encode(x) -> str`) is no collection.
                if _answers_nothing(m.returns_annotation) or (answer and answer <= names):
                    for name in sorted(names):  # sorted: a set's order changes between runs
                        takes.setdefault(name, m)
        for m in public:
            for name in sorted(_ann_names(m.returns_annotation)):
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
        return (
            _finder_port(ctx, ref, public)
            or _entity_store_port(ctx, ref, public)
            or _saved_port(ctx, ref, public)
            or _crud_port(ctx, ref, public)
        )

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
            # criteria, or none when it lists the kind stored (`search_all() -> Sequence[User]`)
            lists = q.params or stored[0].cls.name in _ann_names(q.returns_annotation)
            listed = lists and answer in ("list", "List", "Sequence", "Iterable", "set", "Set")
            # or, taking nothing, the one entity such a store keeps (`get() -> PiggyBank`
            # beside `save(piggy_bank: PiggyBank)`)
            if q is not m and (listed or (not q.params and answer == stored[0].cls.name)):
                how = "searches what it stored" if listed else "gives back the one it stored"
                return [
                    (m.selection.line, f"`{m.name}` stores a `{stored[0].cls.name}`"),
                    (q.selection.line, f"`{q.name}` {how}"),
                ]
    return []


def _saved_port(ctx: Ctx, ref: ClassRef, public: list[FunctionFacts]) -> list[Ev]:
    """A write-side port: a declared method takes an entity and answers nothing
    (`save(product: Product) -> None`), and an implementation keeps what it receives in
    storage (keyed by its own id in a dict, or written through a storage base's step)."""
    for m in public:
        if m.returns_annotation not in (None, "None") or not (m.is_stub or m.abstract):
            continue
        for p in (p for p in m.params if not p.has_default):
            entity = next(
                (
                    r
                    for r in ctx.annotation_refs(p.annotation, ref.module)
                    if r != ref and not message_like(r) and entity_evidence(ctx, r)
                ),
                None,
            )
            if entity is None:
                continue
            for d in ctx.concrete(ref):
                kept = stores_received(ctx, d, m.name, p.name)
                if kept is not None:
                    return [(m.selection.line, f"`{m.name}` takes a `{entity.cls.name}`"), kept]
    return []


def _finder_port(ctx: Ctx, ref: ClassRef, public: list[FunctionFacts]) -> list[Ev]:
    """A read-side persistence port: a method taking an identity (a value-object id, or a
    parameter named as one) gives back entities (`get(consignee_id: ConsigneeId) -> Address`,
    `zones_by_event_id(event_id) -> List[Zone]`)."""
    for m in public:
        keys = [
            p
            for p in m.params
            if _key_param(p.name)
            or any(value_object_evidence(ctx, r) for r in ctx.annotation_refs(p.annotation, ref.module))
        ]
        if not keys:
            continue
        if _use_case_port(ctx, ref):
            return []
        for name in sorted(_ann_names(m.returns_annotation)):
            target = ctx.ws.resolve(ref.module, name)
            if target is None or target == ref or message_like(target) or not entity_evidence(ctx, target):
                continue
            return [(m.selection.line, f"`{m.name}` finds `{name}` entities by `{keys[0].name}`")]
        # or records of the domain's (a pydantic `User` with no identity of its own, in a domain
        # package) that an implementation asks a database for, in the same method
        # (`session.query(UserOrm)`); a query port answering a DTO is a read model's
        records = [
            r
            for r in ctx.annotation_refs(m.returns_annotation, ref.module)
            if r != ref
            and module_in_domain(r.module)
            and not message_like(r)
            and not r.cls.is_interface
            and (r.cls.dataclass or r.cls.fields)
        ]
        impls = [d for d in ctx.concrete(ref) if m.name in d.cls.methods]
        if records and any(reaches_rows(ctx, d, d.cls.methods[m.name]) for d in impls):
            return [(m.selection.line, f"`{m.name}` finds `{records[0].cls.name}` records by `{keys[0].name}`")]
    return []


def _use_case_port(ctx: Ctx, ref: ClassRef) -> bool:
    """A use-case or application-service port (`execute(todo_id) -> Todo`, `create(payload)`,
    `get_by_id(id_)`) looks like a repository's; its implementations work through a repository
    or unit of work rather than on storage: one held (`self._repo: IBaseRepository`) or handed
    to each method (`create(payload, uow: AbstractUnitOfWork)`)."""
    # Units of work are built on repositories, and `is_repository` asks for this port's
    # evidence: both imported here, where they are needed, to keep that order.
    from agentls.patterns.detectors._repositories import is_repository
    from agentls.patterns.detectors._transactions import is_uow

    def through(t: ClassRef) -> bool:
        return t != ref and (is_repository(ctx, t) or is_uow(ctx, t))

    for d in ctx.concrete(ref):
        if any(through(t) for c in ctx.collabs(d).values() for t in c.types):
            return True
        params = (p for m in d.cls.methods.values() for p in m.params)
        if any(through(t) for p in params for t in ctx.annotation_refs(p.annotation, d.module)):
            return True
    return False


_CRUD_STORES = frozenset({"add", "save", "create", "insert", "persist", "store", "upsert"})
_CRUD_FINDS = frozenset({"get", "find", "fetch", "load", "retrieve", "search", "select", "by"})
_CRUD_OTHERS = frozenset({"update", "delete", "remove", "all", "list", "exists", "count"})


def _crud_port(ctx: Ctx, ref: ClassRef, public: list[FunctionFacts]) -> list[Ev]:
    """A port declaring a collection's whole vocabulary with its types left loose (`create(self,
    entity)`, `get(self, entity) -> object`, `update`, `delete`, `all()`): every public method
    abstract, one named to store taking an object, one named to find taking something, a third
    updating, deleting or listing, and a concrete implementation in the program. A tree node's
    interface (`add(child: Node)`, `get_child(index)`) keeps its own kind, no collection."""
    declared = [m for m in public if not m.name.startswith("_") and (m.is_stub or m.abstract)]
    if len(declared) < 3 or len(declared) < len([m for m in public if not m.name.startswith("_")]):
        return []
    words = {m.name: m.name.split("_")[0].lower() for m in declared}

    def takes(m: FunctionFacts) -> list[Param]:
        return [p for p in m.params if p.name not in ("self", "cls")]

    own = {ref.key, *(a.key for a in ctx.ancestors(ref))}
    store = next(
        (
            m
            for m in declared
            if words[m.name] in _CRUD_STORES
            and any(
                not _key_param(p.name) and not any(r.key in own for r in ctx.annotation_refs(p.annotation, ref.module))
                for p in takes(m)
            )
        ),
        None,
    )
    find = next((m for m in declared if words[m.name] in _CRUD_FINDS and takes(m)), None)
    other = any(words[m.name] in _CRUD_OTHERS for m in declared)
    if store is None or find is None or not other or not ctx.concrete(ref) or _walks_own_kind(ctx, ref):
        return []
    if _use_case_port(ctx, ref):
        return []
    return [
        (store.selection.line, f"`{store.name}` stores what it is handed"),
        (find.selection.line, f"`{find.name}` finds it again, beside the rest of a collection's interface"),
    ]


def _walks_own_kind(ctx: Ctx, ref: ClassRef) -> bool:
    """An implementation walks what it keeps calling a method of the port on each (`for c in
    self.menu_components: c.print()`, `str(child)` in `__str__`): the objects it stores are of
    its own kind, a tree node's children (Head First's `MenuComponent` with `add`, `remove`,
    `get_child(i)` over untyped parameters), not a collection of records."""
    declared = set(ctx.all_methods(ref))
    return any(
        loop.target and loop.iter.startswith("self.") and calls_child(m, loop.target, True)
        for impl in ctx.concrete(ref)
        for m in impl.cls.methods.values()
        if m.name in declared
        for loop in m.loops
    )
