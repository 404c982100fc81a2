from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx, per_workspace
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.detectors._data_mapper import model_like
from agentls.patterns.detectors._repositories import is_repository
from agentls.patterns.detectors._saving_ports import storage_base_evidence
from agentls.patterns.detectors._shared import entity_evidence, repository_evidence, repository_port_evidence
from agentls.patterns.model import Detection
from agentls.patterns.workspace import ClassRef


@per_workspace
def _has_domain_layer(ctx: Ctx) -> bool:
    """Whether the program has a domain package (`app/orders/domain/`, `src/domain/`)."""
    return any("domain" in m.module.split(".") for m in ctx.ws.modules())


@register
class Repository(Detector):
    """Mediates between the domain and data mapping with a collection-like interface: callers
    `add` domain objects and `get` them back by identity, never seeing sessions, SQL or files.
    Domain code becomes testable with an in-memory fake and storage can change behind it; the
    abstraction costs a class per aggregate and leaks when queries get complex.

    ## Roles
    - `abstract_repository`: the port (abstract class or Protocol) the domain depends on.
    - `repository`: an implementation (SQL, ORM, in-memory fake).

    ## How it is detected
    A class holding storage (its own dict, list or set, or an injected session/connection)
    with one method that stores a whole object it receives (in its own collection, a method
    named for storing: `add`, `save`, `register`, `put`; a router keeping rules by name in
    `process_rule` is no repository) (keyed by that object's own
    attribute, appended to a collection, handed to `session.add`, or an SQL INSERT) and another
    that takes a key and returns what storage finds (subscript, search loop, the first match of
    a generator filtering it, `next((o for o in self._items if o.id == id), None)`, ORM query,
    SQL SELECT), both public, and at least half of its public methods working on that storage (a
    large class that happens to keep a list is not a collection interface). SQL counts only as
    a statement (`SELECT … FROM`, `INSERT INTO`, `UPDATE … SET`, `DELETE FROM`), not a word. A
    cache that maps an arbitrary key to a value is not a repository, and neither is a class
    merely *named* `...Repository`, nor a tree node storing objects annotated as its own kind
    (`add(self, part: Part)` in a `Part`: its children), nor an entity keeping objects only in
    fields it declares (`tasks: list[Task]` on a `Board` with an identity: its parts, an
    aggregate). Its abstract base, when another implementation
    qualifies, is the abstract repository. What it keeps may be a row made from the object it
    receives (`asdict(order)`, `order.to_dict()`, a dict of its fields, in a method named to
    store), keyed by the object's own identity or appended, and found again as the object
    rebuilt from the row a search matched (`if row["id"] == id: found = User(row["id"], ...)`);
    rows kept under a key the caller chooses (`put(key, order)`) are a cache. A document made
    from the object may be handed to the store too (`self.redis.set(f"order:{order.id}",
    json.dumps(order.to_dict()))`) when the object's own fields key it. A subclass adding
    no method of its own (an `__init__` aside) to a working repository it derives (`class
    UserRepository(SqlRepository[User]): model = User`) inherits its whole interface: one too.

    The store and look-up may be private steps of an inherited template (`add` → `_add`), and
    the storage may be inherited: an abstract repository whose `add`/`get` call abstract
    `_add`/`_get` is the port, `SqlAlchemyRepository(session)` implementing them with
    `session.add` and `session.query(...)` the repository. A class with more than 15 methods
    or a high total complexity is not a collection interface.

    The collection methods may come from a library base specialised for a domain entity
    (`class AuthorRepository(AsyncRepository[Author, int])` over an injected session), and
    reads may go through a property over the session (`self.queryset.get(id)`). A port may be
    read-only: an interface whose method takes an identity (a value-object id, or a parameter
    named as one) and gives back entities (`get(consignee_id) -> Address`) is a repository
    port, unless its implementations themselves work through a repository or unit of work (a
    use-case port such as `execute(todo_id) -> Todo`); so is one giving back a record of the
    domain's with no identity of its own (`get_by_id(user_id) -> Optional[User]`, a pydantic
    `User` in a domain package) that an implementation asks a database for in that method
    (`self.session.query(UserOrm)`; a query port answering an application DTO is a read
    model's). A store may hand back what it stored
    (`insert(domain: D) -> D`) or answer through an effect type carrying nothing else
    (`add(entity: T) -> FutureResult`; a serializer's `-> Result[str, Any]` answers a string),
    and a method taking a key (`remove(id)`) stores nothing; a generic `Protocol[D, I]` is a
    port like any other. A port is mostly declarations (a Protocol, or an abstract class at least half of whose public
    methods are abstract): a framework base with one abstract hook among working methods (a
    test collector node) is none, and the object stored is a required argument, not a default
    (`get_closest_marker(name, default: Mark) -> Mark` stores nothing). A
    port storing entities and searching them (`save(event: Event) -> None` beside
    `search(start, end) -> list`), or giving back, asked nothing, the one entity it keeps
    (`get() -> PiggyBank` beside `save(piggy_bank: PiggyBank)`), is one too; messages handed
    to a publisher are not entities. So is a port declaring a collection's whole vocabulary
    with its types left loose (`create(self, entity)`, `get(self, entity) -> object`,
    `update`, `delete`, `all()`): every public method abstract, one named to store taking an
    object, one named to find taking something, a third updating, deleting or listing, and an
    implementation in the program (which is then a repository, whatever it builds on); a tree
    node's interface (`add(child: Node)`, `get_child(index)`) keeps its own kind, and an
    application service's port (`create(payload)`, `get_by_id(id_)`) is none when its
    implementations work through a repository or unit of work, held (`self._repo`) or handed
    to each method (`create(payload, uow: AbstractUnitOfWork)`), as a use-case port is.

    Whatever its base, a class is also a repository when its interface is a collection's: a
    method named to store (`add`, `save`, `put`, `insert`, `create`, `update`) receives an object
    and hands something to the storage, and a public method named to find (`get`, `find_by_*`,
    `fetch`, `load`, `by_*`, `search_by_*`, `select_*`) takes a key and returns what the same
    storage gives back, with the storage reached however the application reaches it: an
    attribute named or typed as a
    session, connection, client or collection, a session passed in (`add(session, order)`), a
    `with SessionLocal() as s` block, a session factory called per method, a module-level
    handle (Flask-SQLAlchemy's `db.session`), a module-level or class-level dict, a Django
    model's manager (`OrderModel.objects.get(id=...)`) or an ODM document class. The stored
    object may be built in the method from the fields it receives (`create(email, name)`
    adding a new `User`, or an SQLAlchemy statement inserting a row of a mapped class filled
    from them, `insert(UserModel).values(id=user_id, email=email)`), and with no finder by
    key the class is the write side of a table's collection when such a store builds a row of
    a mapped class (`insert_city(name, state)` adding a new `Municipio` row, or asking the
    model's manager for one: `Member.objects.create(name=cmd.name)`; a model may derive a
    mapped class of the program's or a library's model base imported from a `models` module,
    `django_extensions.db.models.TimeStampedModel`) and every other public method stores so
    too, lists what the storage holds, taking nothing (`select_all_laws()`), or changes or
    removes a row by the key it is handed (`remove_task(task_id)`); a store that receives
    only scalars and builds nothing (`set_token(user_id: str, token: str)`) is a cache; a
    look-up that only a private helper of something else performs (`notify` →
    `_get_customer`) is no finder; one method that both forwards and answers (a proxy's
    `add(x, y)`) is neither; SQL counts only in a method that runs it. The read side of such a
    collection, the query half of a repository split for CQRS, is one too: a plain class (no
    framework base: a view's `get(request, pk)` queries a manager as well) storing nothing,
    whose every public method (at most ten) is named to find or list, answers something and
    reaches a database (a mapped class's manager, a session, a collection, a cursor; an HTTP
    client's `get` answers a request), one of them a look-up by a key it is handed
    (`get_reviews_by(member_id)` over `Review.objects.filter(...)`), and what it finds the
    domain's (a mapped class kept in a domain package, or an entity it is annotated to
    answer): a reader of bare rows (`session.query(UserRow)` beside `count()`) reads a table.

    A port may be write-side only (`save(product: Product) -> None`, perhaps beside a
    `search_all() -> Sequence[Product]` listing what it stores): it is one when an
    implementation keeps the entity it receives in storage, keyed by the entity's own id in a
    dict, appended, handed to a storage call, or passed to a step that writes storage. Such a
    step may live in a generic storage base (`MongoRepository.persist(id, entity)` upserting
    into the collection it holds): the base is a repository when repositories below it store
    through it; a base holding a client that no repository saves through is none.

    No port is needed: a class-level container (`_rows: dict[str, Member] = {}`) is storage
    like an instance's own, an injected session a method named to store hands the entity it
    receives (`create(alert: DeviceAlert)` -> `self._session.add(alert)`; a row of a mapped
    class kept in a domain package is the entity there) keeps it whole, a store may hand the
    object it receives to a step of a storage
    base that writes the collection (`save(user)` -> `self.persist(user.id, user)`; an id
    handed to a finder step, or a step whose `execute` only selects, stores nothing), and a
    class whose every public method of its own keeps an entity by its own id or through such
    a step, beside listings taking no argument (`search_all()`), is the write side of one
    (not an entity itself, nor an aggregate appending its parts). A class kept under its
    `__name__` is registered, not stored.

    An implementation of no port, in a program without a domain package, whose methods name
    no workspace dataclass or entity, is only a hint (0.45, below the default threshold): a
    library's buffer, cursor or cache keeps arbitrary values the same way. A generic
    repository handed its model class (`BaseRepository(session, model)`) is no hint when it or
    its subclasses bind it to the program's own table models (`RoleRepository(BaseRepository[Role])`,
    `Role` a SQLModel table).
    """

    id = "repository"
    category = "architecture"
    roles: ClassVar[dict[str, str]] = {"abstract_repository": "the persistence port", "repository": "an implementation"}

    def _keeps_domain_objects(self, ctx: Ctx, ref: ClassRef) -> bool:
        """What it stores and hands back is an application's object: a workspace dataclass or
        entity named in its methods' annotations or generic base, or the program has a domain
        layer at all. A library's buffer, cursor or cache keeping arbitrary values is a hint.
        The program's own table models count too, named in its generic base or, for a generic
        base over a model type variable, in its subclasses' (`RoleRepository(BaseRepository[Role])`
        with `Role` a SQLModel table): what a library keeps is nothing the program declares."""
        if _has_domain_layer(ctx):
            return True
        anns = [a for m in ref.cls.methods.values() for a in (m.returns_annotation, *(p.annotation for p in m.params))]
        found = [r for a in [*anns, *ref.cls.base_args] for r in ctx.annotation_refs(a, ref.module)]
        if any(r != ref and (r.cls.dataclass or entity_evidence(ctx, r)) for r in found):
            return True
        typed = [
            r for d in (ref, *ctx.descendants(ref)) for a in d.cls.base_args for r in ctx.annotation_refs(a, d.module)
        ]
        return any(r != ref and model_like(r.cls) for r in typed)

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        for ref in ctx.classes():
            ev = repository_evidence(ctx, ref)
            ifaces = [a for a in ctx.interface_ancestors(ref) if a.cls.abstract_methods]
            if ev:
                conf = 0.85 if ifaces or self._keeps_domain_objects(ctx, ref) else 0.45
                yield ctx.det(ref, self.id, "repository", conf, ev, [(a, "abstract_repository") for a in ifaces])
                continue
            if ref.cls.name.startswith("Test"):
                continue
            port = repository_port_evidence(ctx, ref)
            ports = [a for a in ctx.ancestors(ref) if repository_port_evidence(ctx, a)]
            base = [] if port or ports else storage_base_evidence(ctx, ref, lambda d: is_repository(ctx, d))
            if base:
                yield ctx.det(ref, self.id, "repository", 0.75, base, [(d, "repository") for d in ctx.concrete(ref)])
                continue
            abstract = ref.cls.is_interface or ref.cls.is_protocol or ref.cls.declares_abstract
            if abstract:
                impls = [d for d in ctx.concrete(ref) if repository_evidence(ctx, d)]
                if impls or port or ports:
                    if impls:
                        why = [(ref.cls.selection.line, f"{len(impls)} implementation(s) store and retrieve objects")]
                    else:
                        why = port or [(ref.cls.selection.line, f"narrows the persistence port `{ports[0].cls.name}`")]
                    yield ctx.det(
                        ref,
                        self.id,
                        "abstract_repository",
                        0.85 if impls else 0.75,
                        why,
                        [*((i, "repository") for i in ctx.concrete(ref)), *((p, "abstract_repository") for p in ports)],
                    )
            elif ports:
                yield ctx.det(
                    ref,
                    self.id,
                    "repository",
                    0.75,
                    [(ref.cls.selection.line, f"implements the persistence port `{ports[0].cls.name}`")],
                    [(p, "abstract_repository") for p in ports],
                )
