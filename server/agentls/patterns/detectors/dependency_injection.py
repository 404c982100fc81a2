from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.detectors._dependency_injection import keyed_resolver, own_kind, wiring
from agentls.patterns.detectors._keyed_bindings import bindings
from agentls.patterns.detectors._port_wiring import hands_port_implementation, is_data
from agentls.patterns.detectors._shared import is_repository, is_test_file, is_uow
from agentls.patterns.facts import FunctionFacts, Param
from agentls.patterns.handed import split_type_args
from agentls.patterns.model import Detection
from agentls.patterns.workspace import ClassRef

_INTROSPECT = ("inspect.signature", "signature", "get_type_hints", "typing.get_type_hints")


def _introspects(fn: FunctionFacts) -> bool:
    return (
        any(c.func in _INTROSPECT for c in fn.calls)
        or any(r.endswith(".__annotations__") for r in fn.foreign_reads)
        or "__annotations__" in fn.self_reads
    )


def _injector(fn: FunctionFacts) -> bool:
    """Reads what a callable needs from its signature and binds it (`functools.partial`, or a
    returned lambda) to what it is given besides the callable (`inject(handler, dependencies)`);
    a class decorator reading a constructor's signature to build a `__repr__` supplies nothing."""
    binds = any(c.func in ("functools.partial", "partial") for c in fn.calls) or "lambda" in fn.returns
    given = [p for p in fn.params[1:] if p.name not in ("self", "cls") and not p.has_default]
    return binds and bool(given) and _introspects(fn)


def _reads_signature(ctx: Ctx, ref: ClassRef, fn: FunctionFacts) -> bool:
    """Introspects a callable's parameters itself, or through one of its own methods or a
    workspace function it calls (`_get_arguments(func)` over `inspect.signature`)."""
    if _introspects(fn):
        return True
    for c in fn.calls:
        if c.receiver == "self":
            target = ref.cls.methods.get(c.method)
        else:
            found = ctx.ws.function(ref.module, c.func) if "." not in c.func else None
            target = found[1] if found else None
        if (
            target is not None
            and target is not fn
            and (
                _introspects(target)
                or any(
                    (f := ctx.ws.function(ref.module, d.func)) is not None and _introspects(f[1])
                    for d in target.calls
                    if "." not in d.func
                )
            )
        ):
            return True
    return False


def _implementation(ctx: Ctx, name: str) -> bool:
    """A workspace class implementing an abstraction: what injection is for. Values, entities
    and messages built to be sent (`RegisterUser(EmailAddress(...))`) are data, not services."""
    return _service(ctx, ctx.resolve(name))


def _service(ctx: Ctx, dep: ClassRef | None) -> bool:
    # a repository or unit of work is one with or without a port
    return (
        dep is not None
        and (bool(ctx.interface_ancestors(dep)) or is_repository(ctx, dep) or is_uow(ctx, dep))
        and not is_data(ctx, dep)
    )


def _builds_service(ctx: Ctx, fn: FunctionFacts, params: list[Param]) -> list[tuple[int, str]]:
    """A provider building, from what it is injected, an implementation of an abstraction, a
    repository or a unit of work (`return SqlUnitOfWork(session)`, the return undeclared), or a
    class of the program it hands an injected one of those (`return CreateTodo(uow, bus)` with
    `uow: Annotated[SqlUnitOfWork, Depends(...)]`): it wires services."""
    names = {f"param:{p.name}" for p in params}
    services = {
        f"param:{p.name}" for p in params if any(_service(ctx, r) for r in ctx.annotation_refs(p.annotation, ctx.index))
    }
    for c in fn.calls:
        given = names.intersection(c.args)
        if not given:
            continue
        dep = ctx.resolve(c.func)
        if dep is None or is_data(ctx, dep):
            continue
        if _service(ctx, dep) or services & given:
            return [(c.line, f"builds `{dep.cls.name}` from the services injected into its parameters")]
    return []


_REQUEST_VALUES = frozenset(("str", "int", "float", "bool", "bytes", "dict", "list", "UUID", "uuid.UUID"))


def _injected(p: Param) -> bool:
    """A typed parameter the framework fills: its default is the injection marker
    (`session: Session = Depends(get_session)`), or the marker rides in the annotation
    (`session: Annotated[Session, Depends(get_session)]`). An annotated builtin
    (`Annotated[str, Query()]`) is a request value, not a dependency."""
    if p.annotation is None:
        return False
    if p.has_default:
        return True
    head, _, rest = p.annotation.partition("[")
    if head.rpartition(".")[2] != "Annotated" or not rest.endswith("]"):
        return False
    args = [a.strip() for a in split_type_args(rest[:-1])]
    return len(args) >= 2 and args[0] not in _REQUEST_VALUES and any(a.endswith("()") for a in args[1:])


def _provider_function(ctx: Ctx, fn: FunctionFacts) -> list[tuple[int, str]]:
    """A framework provider (`def get_repo(session: Session = Depends(get_session)) ->
    TodoRepository`): every dependency arrives through a typed parameter whose default is the
    injection marker, and it returns a new object built from them, declared as a workspace
    abstraction."""
    params = [p for p in fn.params if p.name not in ("self", "cls")]
    if not params or not all(_injected(p) for p in params):
        return []
    # Handed the program's container, it hands out a service the container holds
    # (`return context.services.user` with `context: ApplicationContext = Depends(...)`).
    w = wiring(ctx)
    if ctx.resolve(fn.returns_annotation or "") is not None:
        for p in params:
            for r in ctx.annotation_refs(p.annotation, ctx.index):
                if (r.key in w.modules or r.key in w.containers) and any(
                    v.startswith(f"attr:{p.name}.") for v in fn.returns
                ):
                    return [(fn.selection.line, f"hands out a service of the container `{r.cls.name}` it is injected")]
    names = {f"param:{p.name}" for p in params}
    # It has the program's container, a module-level instance of it, build what it returns
    # from what it is injected (`return container.user_service(user_repository=repo)`).
    for c in fn.calls:
        assigned = ctx.index.assigns.get(c.receiver, "") if c.receiver and "." not in c.receiver else ""
        holder = ctx.resolve(assigned[5:]) if assigned.startswith("call:") else None
        if (
            holder is not None
            and (holder.key in w.containers or holder.key in w.modules)
            and names & set(c.args)
            and f"call:{c.func}" in fn.returns
        ):
            return [(c.line, f"has the container `{holder.cls.name}` build `{c.method}` from what it is injected")]
    # It hands one object it is injected a service it builds from another
    # (`bus.register_query(FindShoe, FindShoeHandler(repository=repo))`): it wires them.
    for c in fn.calls:
        if c.receiver not in {p.name for p in params}:
            continue
        for a in c.args:
            made = next((m for m in fn.calls if a == f"call:{m.func}" and names & set(m.args)), None)
            if made is not None and _implementation(ctx, made.func):
                return [(c.line, f"hands `{c.receiver}` a `{made.func}` built from its injected dependencies")]
    port = ctx.resolve(fn.returns_annotation or "")
    # the abstraction it provides, or an implementation of one (`-> RabbitMqPublisher`)
    if port is None or not (port.cls.is_interface or port.cls.declares_abstract or ctx.interface_ancestors(port)):
        return _builds_service(ctx, fn, params)
    built = next((c for c in fn.calls if f"call:{c.func}" in fn.returns and names & set(c.args)), None)
    if built is None:
        return _builds_service(ctx, fn, params)
    return [(built.line, f"builds the `{port.cls.name}` from the dependencies injected into its parameters")]


@register
class DependencyInjection(Detector):
    """Objects receive their collaborators from outside instead of creating them, and one
    place (a composition root, an injector or a container) builds and wires the object graph.
    Dependencies become explicit and replaceable (fakes in tests, adapters in production); the
    wiring code or container is extra machinery, and containers can hide where things come from.

    ## Roles
    - `injector`: inspects what a callable needs and supplies it (by parameter name or type).
    - `container`: registers providers and resolves them, building dependencies recursively.
    - `composition_root`: the function that creates the concrete objects and passes them in.

    ## How it is detected
    - A function that introspects signatures (`inspect.signature`, `get_type_hints`) and then
      binds the collected arguments (`functools.partial`, or returns a lambda) to what it is
      given besides the callable (`inject(handler, dependencies)`): `injector`. A class
      decorator reading a constructor's signature to build a repr supplies nothing.
    - A class that stores providers in a dict under a received key and, in another method,
      introspects a class's constructor or a callable's parameters to build or call it
      (itself, or through one of its own methods or a workspace function it calls): `container`.
      So is one whose public method calls the provider filed under the key it is given and
      instantiates the key itself when none is (`binding = self._bindings.get(cls)`,
      `binding()`, else `cls()`): a name-keyed table of creators never builds its key.
    - A provider module (`composition_root`): a class whose methods are all registered
      providers (decorated, every dependency a typed parameter, returning the type they
      declare, at least one building it or an implementation of it, or two sharing a
      decorator) or binders (`binder.bind(Port, to=Impl)` on a binder they receive, the
      bound type a class of the program or an imported name spelled as a class: a constant
      such as `DEBUG` handed to a received logger binds nothing). A
      provider may build into a local it returns (`bus = MemoryBus(); return bus`) or return
      a factory function that builds it (`-> Callable[[], Awaitable[Repo]]`, a list of them
      for a multi-provider), or return what a function of the program declared to make that
      type builds (`return configured_logger(__name__)`); a local of an unrelated class shows
      nothing.
    - A declarative container (`container`): a class with no methods whose class attributes
      are two or more calls into one external namespace other than its base's
      (`providers.Factory(...)`), in a module whose imported workspace classes only those
      declarations use (classes or functions of the program), two or more of them counting
      those the declarations are annotated with (`bus: MemoryBus =
      providers.Singleton(MemoryBus)`, a container alone in its file); or, however they are
      imported (from the base's own namespace too: dishka's `Provider` and `provide`),
      declarations building two or more services (their first argument: an
      implementation of an abstraction, a repository or unit of work, a class given typed
      collaborators), not values. What a container provides as a Protocol (`provide(SqlRepo,
      provides=Repo)`, `repo: Provider[Repo] = Factory(SqlRepo)`) or hands to a constructor
      taking one (`Factory(Service, adapters.repo)`) implements it where its module never
      imports it.
    - A function that creates provider modules or declarative containers, or that hands on
      (returns, stores, registers) what a composition root it calls assembled, outside test
      code: `composition_root`.
    - A function, or an entrypoint method (not a constructor, not in a test file), that passes
      two or more newly created implementations of abstract classes into workspace
      constructors (`Service(SqlRepo(session), SqlUnitOfWork(session))`): `composition_root`.
      A repository or unit of work counts with or without a port (`Enrol(MemoryMembers(),
      MemoryGuests())`). Values, entities and messages are data, not implementations. They must be different
      collaborators (two classes into one constructor, or into two constructors): one class
      made three times for one holder (`MultiCapture(FD(0), FD(1), FD(2))`) is a factory's
      product, and one wrapped in another of its own interface (`Loud(Echo(Plain()))`) a
      decorator stack.
    - A function or method (a static one too; not a constructor, not in a test file) whose one
      answer is a workspace object it builds over a new implementation of the abstraction that
      object's constructor declares it takes (`return CreateCustomer(SqlCustomerRepository())`
      with `__init__(self, repo: CustomerRepositoryPort)`, the port possibly an empty subclass
      of a generic one): `composition_root`. Answers chosen by branch are a factory's, and an
      implementation built over the object itself (`Wrapper(self)`) is its own part.
    - A module function filing an implementation under the abstraction it implements in a
      container keyed by class (`di[UserRepository] = SqlUserRepository(db)`, kink's and
      lagom's binding): `composition_root`. Handlers filed under the messages they handle
      (`handlers[CreateUser] = CreateUserHandler()`) implement no key: a routing table. So is
      a module function registering two or more of the program's classes on a container it is
      handed, typed as one (`def register(container: punq.Container):
      container.register(UserRepository)`); a plugin registry handed classes is no container.
    - A function that runs a workspace injector over what it wires (`bootstrap()` calling
      `inject_dependencies(handler, dependencies)` for every handler) and hands the result on
      (returns it): `composition_root`.
    - A framework provider function: every typed parameter defaults to the injection marker
      (`session: Session = Depends(get_session)`) or carries it in its annotation
      (`session: Annotated[Session, Depends(get_session)]`, not an annotated builtin such as
      `Annotated[str, Query()]`) and it returns the workspace abstraction it declares (or an
      implementation of one), built from them, or a workspace service it reaches through an
      injected container of the program (`return context.services.user`), or it has a
      module-level instance of the program's container build what it returns from them
      (`return container.user_service(user_repository=user_repository)`), or it hands one
      injected object a service it builds from another (`bus.register_query(FindShoe,
      FindShoeHandler(repository=repo))`), or, declaring no abstraction, it builds from what
      it is injected an implementation of one, a repository or a unit of work (`return
      SqlUnitOfWork(session)`), or a class it hands an injected one of those (`return
      PlaceOrder(uow)`; an injected value handed on is no service): `composition_root`.

    - A hand-written container (`composition_root`): a class whose public members are all
      accessors taking no argument, two or more of which build services (implementations of
      an abstraction, or classes given typed collaborators) from what the container holds or
      builds (`OrganisationService(repository=self._repositories.organisation)`); not when
      they are all implementations of one interface (walks of a tree over its root: variants
      it hands out over its own data).

    A provider may yield what it builds and clean up after it (`-> AsyncIterator[Engine]`). A
    provider hands out one object: methods returning lists (GraphQL resolvers), the object
    itself (`-> Self` validators) or taking request values (`Annotated[str, ...]`) are not
    providers. Provider classes and hand-written containers in a tests folder count unless in
    a test file.

    Declarative containers may import their providers by name (`from
    dependency_injector.providers import Factory`); provider methods never take request values
    (`restaurant_id: int` marks a web handler, not a provider).
    """

    id = "dependency_injection"
    category = "architecture"
    roles: ClassVar[dict[str, str]] = {
        "injector": "supplies dependencies to callables",
        "container": "registers and resolves providers",
        "composition_root": "creates and wires the object graph",
    }

    def _wires(self, ctx: Ctx, fn: FunctionFacts) -> tuple[list[tuple[int, str]], list[tuple[ClassRef, str]]]:
        """Two or more new implementations of abstractions passed into workspace constructors
        (`Service(SqlRepo(session), SqlUnitOfWork(session))`): the function wires the graph."""
        if not any(a.startswith("call:") for c in fn.calls for a in c.args):
            return [], []  # nothing built inside a call: nothing passed in new
        wired = []
        for call, r in ctx.instantiations(fn):
            impls = [a for a in call.args if a.startswith("call:") and _implementation(ctx, a[5:])]
            # wrapping one of its own interface (`Loud(Echo(Plain()))`) stacks a decorator
            impls = [a for a in impls if not own_kind(ctx, r, a[5:])]
            if impls:
                wired.append((call, r, impls))
        # Wiring passes different collaborators: two implementations into one constructor, or
        # implementations into two constructors. One class made three times for one holder
        # (`MultiCapture(FDCapture(0), FDCapture(1), FDCapture(2))`) is a factory's product.
        mixed = any(len({a[5:] for a in impls}) >= 2 for _, _, impls in wired)
        if not mixed and len({r.key for _, r, _ in wired}) < 2:
            return [], []
        call, r, _ = wired[0]
        return [(call.line, f"creates `{r.cls.name}` and passes new collaborators into it")], [
            (r2, "client") for _, r2, _ in wired
        ]

    def _uses_injector(self, ctx: Ctx, fn: FunctionFacts) -> list[tuple[int, str]]:
        """`bootstrap()`: it runs a workspace injector over what it wires (`inject_dependencies(
        handler, dependencies)` for every handler) and hands the wired result on."""
        if not any(v not in ("none", "const") for v in fn.returns):
            return []
        for c in fn.calls:
            found = ctx.ws.function(ctx.index, c.func) if "." not in c.func else None
            if found is not None and found[1] is not fn and _injector(found[1]):
                return [(c.line, f"wires the graph with the injector `{c.func}` and hands it on")]
        return []

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        w = wiring(ctx)
        done: set[str] = set()
        for ref in ctx.classes():
            ev = w.modules.get(ref.key)
            if ev:
                done.add(ref.cls.qualname)
                yield ctx.det(ref, self.id, "composition_root", 0.75, ev)
            ev = w.containers.get(ref.key)
            if ev:
                done.add(ref.cls.qualname)
                yield ctx.det(ref, self.id, "container", 0.7, ev)
        for f in ctx.index.functions.values():
            ev = w.roots.get((ctx.index.path, f.qualname))
            if ev:
                done.add(f.qualname)
                yield ctx.det(f, self.id, "composition_root", 0.7, ev)
        testing = is_test_file(ctx.index)
        for f in ctx.index.functions.values():
            ev = [] if f.qualname in done or testing else bindings(ctx, f, ctx.index)
            if ev:
                done.add(f.qualname)
                yield ctx.det(f, self.id, "composition_root", 0.7, ev)
        for fn in ctx.index.all_functions():
            if fn.qualname in done:
                continue
            if fn.kind != "function":
                # An entrypoint method may wire the graph per request; a constructor building
                # its own parts is composition of another kind.
                if (
                    fn.kind in ("method", "staticmethod", "classmethod")
                    and not fn.name.startswith("__")
                    and not testing
                ):
                    ev, made = self._wires(ctx, fn) if fn.kind == "method" else ([], [])
                    if not ev:
                        ev, made = hands_port_implementation(ctx, fn)
                    if ev:
                        yield ctx.det(fn, self.id, "composition_root", 0.7, ev, made)
                continue
            if _injector(fn):
                yield ctx.det(
                    fn,
                    self.id,
                    "injector",
                    0.85,
                    [(fn.selection.line, "reads what the callable needs from its signature and supplies it")],
                )
                continue
            provided = _provider_function(ctx, fn)
            if provided:
                yield ctx.det(fn, self.id, "composition_root", 0.7, provided)
                continue
            injects = self._uses_injector(ctx, fn) if not (testing or fn.name.startswith("test")) else []
            if injects:
                yield ctx.det(fn, self.id, "composition_root", 0.75, injects)
                continue
            ev, made = self._wires(ctx, fn) if not (testing or fn.name.startswith("test")) else ([], [])
            if not ev and not (testing or fn.name.startswith("test")):
                ev, made = hands_port_implementation(ctx, fn)
            if ev:
                yield ctx.det(fn, self.id, "composition_root", 0.7, ev, made)
        for ref in ctx.classes():
            if ref.cls.qualname in done:
                continue
            stores = any(
                op.op == "setitem" and op.arg.startswith("param:") and op.key.startswith("param:")
                for m in ref.cls.methods.values()
                for op in m.container_ops
            )
            resolver = (
                next((m for m in ref.cls.methods.values() if m.returns and _reads_signature(ctx, ref, m)), None)
                if stores
                else None
            )
            if stores and resolver is not None:
                yield ctx.det(
                    ref,
                    self.id,
                    "container",
                    0.85,
                    [(resolver.selection.line, f"`{resolver.name}` builds objects from their constructor's signature")],
                )
            elif not is_test_file(ctx.index) and (keyed := keyed_resolver(ref)):
                yield ctx.det(ref, self.id, "container", 0.7, keyed)
