from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.detectors._callables import callable_strategies
from agentls.patterns.detectors._duck_families import duck_evidence
from agentls.patterns.detectors._families import Held, held_families, implements, implied_roles, kind_of, roles_for
from agentls.patterns.detectors._keyed import function_tables, keyed_detections
from agentls.patterns.detectors._lone_families import lone_families
from agentls.patterns.detectors._passed import passed_detections
from agentls.patterns.detectors._strategy_rejected import rejected
from agentls.patterns.model import Detection
from agentls.patterns.workspace import ClassRef


def _accepted(ctx: Ctx, ref: ClassRef) -> list[tuple[str, Held]]:
    """The first strategy family the class takes part in for each role, among all its families
    (not only the first per role: an interface whose first holder is rejected may have a real
    context among the others)."""
    found: list[tuple[str, Held]] = [("interface", h) for h in held_families(ctx, ref)]
    for anc in ctx.ancestors(ref):
        found += [("impl", h) for h in held_families(ctx, anc) if implements(ctx, h, ref)]
    found += [(role, h) for role, h in roles_for(ctx, ref) if role == "holder"]
    found += [(role, h) for role, h in implied_roles(ctx, ref) if role == "impl"]
    # An interface with one implementation, for a context its callers may leave without one.
    found += [("interface", h) for h in lone_families(ctx, ref)]
    found += [("impl", h) for anc in ctx.ancestors(ref) for h in lone_families(ctx, anc) if ref in h.impls]
    typed = {t.key: t for c in ctx.collabs(ref).values() for t in c.types}
    found += [("holder", h) for t in typed.values() for h in lone_families(ctx, t) if h.holder == ref]
    out: dict[str, Held] = {}
    for role, h in found:
        if role not in out and kind_of(ctx, h) == "strategy" and not rejected(ctx, h):
            out[role] = h
    return list(out.items())


def _keeps(holder: ClassRef, attr: str) -> str:
    """How a context keeps the function it is given: calling it, or in place of a method."""
    if attr in holder.cls.methods:
        return f"replaces its method `{attr}` by"
    return f"keeps in `self.{attr}` and calls"


@register
class Strategy(Detector):
    """Defines a family of interchangeable algorithms behind one interface and lets a context
    object be configured with any of them, so the algorithm varies independently of the code
    that uses it. It replaces conditionals with composition; the cost is more classes, and
    clients must know enough about the strategies to choose one. In Python a plain function is
    often enough.

    ## Roles
    - `strategy`: the interface of the algorithm family.
    - `concrete_strategy`: one algorithm.
    - `context`: holds a strategy and delegates to it.

    ## How it is detected
    An interface (abstract class, Protocol, or a base whose public methods raise
    `NotImplementedError`, or whose hooks do beside helpers with a body, for a holder handed the
    object and calling a hook two or more implementations carry out: a `Signer` given any
    `SigningAlgorithm` and asking it for `get_signature`, the algorithm's `verify_signature` a
    default; a subclass adding hooks of its own, `do_open`, is a further base, not an
    implementation) with at least two concrete implementations, and a class outside
    that hierarchy that keeps one in an attribute (by annotation, or by calling only the
    interface's methods on an object it was given: two or more of them, or all of a
    one-method interface, since one shared name such as `close` proves nothing, and not when
    that class is a base answering all it calls, its subclasses implementing those methods: a
    middleware base's `execute` calling `self.next.execute(command)` passes work on to its own
    kind, nor when another, unrelated written family declares all those methods too: the names
    cannot tell which family the object belongs to, unless the program hands the holder an
    object of one of them, `Context(ConcreteStrategyA())`, or the holder's module writes one
    and the other's neither imports it nor is imported by it: a copy kept beside it, as
    `exercise.py` and `solution.py`) and calls it.
    A Protocol's implementations need not name it (nor those of an ABC whose
    `__subclasshook__` accepts any class of its shape): a class that defines every public method
    of the Protocol (and no other, properties aside), callable as the Protocol declares it,
    with the context-manager methods and attributes it declares, in the Protocol's module or
    in one importing it, is one of them (for every pattern) beside any base it names that
    does not already give it those methods (a storage base it saves through); a class
    offering more, or in a module not importing the Protocol, is one when the program hands
    it out from a function declared to return the Protocol (`def provide_uow() -> UnitOfWork:
    return SqlUnitOfWork()`) or straight to a constructor parameter declared as it
    (`Checkout(FiledOrders())`, `orders: Orders`); unless it
    keeps or is handed an object typed as the Protocol (a context or a wrapper forwarding to
    it); a context answering `transition()` to states declaring `transition(context)` is none.
    A persistence port (its implementations are repositories or units of work) is reported
    as that instead. If implementations replace one another in the context, it is State; if
    the context is itself a class hierarchy, it is Bridge, unless its constructor lets callers
    leave the object out (`highlighter: Highlighter | None = None`, or a default made when none
    is given): a holder configured with an optional algorithm, whose subclasses extend it, is a
    context (a Bridge's abstraction requires its implementor); or unless clients assign what it is
    handed on an object they made (`duck.fly_behaviour = Rocket()`). An interface the program
    implements only once is a family too when a context typed as it may be left without one
    (an optional parameter: `session: BaseSession | None = None`, an `AiohttpSession()` made
    when none is given, or `configure(region_invalidator=None)` beside the default): the library
    ships one algorithm for its users to replace theirs; a required one is wiring. A context
    may also be configured with the class of its algorithm in a class attribute its subclasses
    set (`storage_class = RedisStorage`, `storage_class = SqliteStorage`), keeping what a
    method of its own answers (`self.storage = self.create_storage()`, an instance of the class
    set, or of a class it names for a mode), or with a key into a module table of classes it
    makes the one named from (`return KINDS[kind](timeout)`); one class ever set, or a table of
    one class, chooses nothing. Names play no part.

    A port of dependency inversion (an interface in the domain or service layer whose
    implementations all live in the adapters layer, such as an event publisher over a broker)
    is wiring, not an algorithm, and is not reported; nor is an interface taking any message of
    a family (`post(event: Event)`): an event bus or publisher; nor a class keeping two or more
    implementations at once in separate attributes (assembling a chain of them).

    The context must be configured with one of the implementations and use it as the
    algorithm: a class that is never handed the object and only ever makes one concrete class
    (`self._inflater = ZlibDecompressor()`, typed as that class) chooses nothing, while one making
    it by a condition on other data (`self._route = Fast() if hurry else Slow()`) chooses, once:
    that is no state change (a condition reading the attribute is one). One that calls
    nothing on what it keeps (a body it sends) delegates nothing; and one calling fewer than
    half of a wide interface (five or more public methods: a parser it only pauses, a column
    type it asks for a processor) works with a rich collaborator, not an algorithm. Test cases
    keeping what they test and exceptions keeping what failed are not contexts, and a family
    whose implementations answer every call of the holder with a new object they make
    (`create_dough()` returning `ThinCrustDough()`, another class in each: all answering one
    result class, `Quote`, fill in a result) is an Abstract Factory's, its holder a
    client, and so is a holder whose attribute only keeps what such a factory's creation
    method answers (`self.button = self.factory.create_button()`): products, no algorithm,
    nor is one running two or more steps taking nothing on it and handing out what it
    answers, an object the family made (`return self._builder.get_computer()`): a director;
    a holder that the family's hierarchy names or makes (`executor_class =
    SqliteExecutor`, `TransactionContext(self)`) is a part of one implementation, not a
    context configured with any. A holder that is one implementation of an interface of its
    own, beside others that hold no such object, and carries out that interface's abstract
    methods through the held one (`TurkeyAdapter(Duck).quack()` calling
    `self.turkey.gobble()`) and is handed nothing else adapts it; it is not a context. Nor is
    the holder of a family whose every member carries out each method by calling another of
    the program's classes under another name, one at least through a base it inherits
    (`AdapterClass(Target, Adaptee).request()` calling `self.specific_request()`, beside an
    object adapter calling it on the adaptee it keeps): adapters to a target. Nor is
    a holder that replaces what it keeps by what that object answers (`self.statement =
    self.statement.subquery()`): a value built up step by step, nor one that makes the object
    in a method returning it (`begin()` handing out the transaction it tracks).

    The interface may be written nowhere (duck typing): a class keeps an untyped object and
    calls methods on it, and the program hands it two or more classes, sharing no base that
    defines those methods, which define them all: made in the call (`Context(Fast())`), a
    module variable made from one, or the object a function made just before handing it
    (`fast = Fast(); Context(fast)`), given to a required constructor parameter or a setter
    that stores it (`context.use(Slow())`, `context.strategy = Slow()`), handed by a subclass
    to the holder's constructor (`super().__init__(Quack())`, `Duck.__init__(self, quack)`), or
    made by the holder's own hierarchy into the attribute. A class a client hands over, written in the
    holder's module, brings the classes written beside it that define those methods too
    (`CustomerSupport(Random())` with `Fifo` beside `Random`), when none of them derives or is
    derived by a class of the program, none needs constructor arguments (one made with its own payload carries its own
    request) and none passes those calls on to objects it keeps. What a test hands (a double
    beside the real class) does not count, nor a wrapper handed wrappers of its own kind (a
    decorator chain), and a method name the classes merely share, with nothing handing one of
    them to the holder, is no family, nor are values the holder calls only protocol hooks on
    (`self.receiver.__composite_values__()`, `__eq__`). The evidence names what the holder
    calls and where each class is handed.

    Two function forms count too: a class that keeps a function it was given (by its
    constructor, or as a field of a generated one) and calls it, or whose constructor replaces
    one of its methods by it (`self.execute = types.MethodType(func, self)`), when two or more module
    functions are its family (`Order(price, discount=ten_percent)`): the functions passed to
    it, a function a client assigns to that attribute of an object it made (`banner.style =
    lower`, beside the function the field defaults to), and the module functions beside one
    of them (or taking the
    context itself) that take what the context calls them with, and classes passed in a
    function's place that are made or called with those arguments (beside a function, not
    alone: a context handed only classes makes products); and a module table of
    functions picked by key and called (`handlers[kind](value)`), whose functions are the
    concrete strategies and the function that picks is the context.

    A strategy may also be handed to the method (or module function) that runs it rather than
    kept: clients call one method with two or more implementations of one interface (the classes themselves, or
    instances made without arguments: `till.total(FlatPricing(), amount)`, in a call on one
    line or spread over several), and the method
    calls what it is handed or the interface's methods on it (the receiver known as a local
    the caller made from a class, `desk = Desk()`, a module variable made from one, the class
    itself, or, for a local of unknown origin, the one class defining the method). The
    interface, its implementations and the class of that method are reported. The interface
    may be written nowhere: classes sharing no base that each define all the method calls on
    what it is handed (`desk.quote(parcel, Ground())`, `desk.quote(parcel, Air())`, each with
    its own `cost`) are a family too, when they bring two or more definitions of it (classes
    all inheriting one `cost` vary nothing), the method hands them something to work on (an
    object only asked for a value, `item.text()`, describes itself) and none passes those calls
    on to an object it keeps (a wrapper); then the implementations and the class of that method
    are reported.
    One implementation ever handed over chooses nothing; an instance made with
    arguments carries its own request (a command); a method keeping what it is handed, or what
    it makes of it, registers it (`self._registry[model] = admin_class(model, self)`); a family
    whose every implementation answers those calls with a new object (of a class differing
    between them) is a factory handed to
    its client (`console.build(KnobWidgets())`); a method answering what it makes of the class
    it is handed around what it computed and asking nothing of it (`return cls(result)`, no
    `__call__` in the family) lets the caller pick the type of its answer; a call of a concrete base method the
    implementations do not override (`publish(Weekly())` running the base's `produce()`, or
    on what it makes of a handed class: `trip = transport(city); trip.go()`) runs
    a template method, not the varying algorithm; a family of fluent steps each answering
    itself (`builder.add_frame().add_seat()`) is a builder its director drives; calls in
    test files count only when they hand the program's own classes (made in the call, or in
    a local the test arranged first and asks nothing of: `rate = Air()`, then
    `desk.quote(parcel, rate)`), not doubles the tests declare; persistence ports,
    errors and messages do not count, nor does a family declaring nothing but one predicate
    over a candidate (`allows(amount) -> bool`): business rules, a Specification's. A context
    may also make its strategy from the class a
    client hands its constructor (`self._arrangement = arrangement(items)` with
    `Shelf(items, BuiltinArrangement)`) or a setter (`duck.set_fly(FlyRocketPowered)` to
    `self.fly = fly()`, on an object of the holder's class a client made, whatever default
    the class keeps): the classes handed at the call sites type what it keeps, as instances
    handed would (classes sharing no base included), and a context answering every
    attribute it lacks from that object (`__getattr__` returning
    `getattr(self._arrangement, name)`) uses all of its methods.

    A context may keep its strategies by name and pick one per call, the object form of the
    module table: a method storing what it is handed, declared as an interface with two or
    more implementations, under a key (`self._methods[name] = method`), clients registering
    two or more, or a method making two or more into a dict (`{"zip": Zip(), "gzip": Gzip()}`),
    all made without arguments (one made with what it acts on, `LightOn(lamp)`, carries its
    own request: a command); and another method reading that table by key and calling the
    interface's methods on what it read (`method = self._methods[name]; method.charge(amount)`)
    or on the attribute it puts it in (`self._codec = self._codecs[name]`).
    """

    id = "strategy"
    category = "behavioural"
    roles: ClassVar[dict[str, str]] = {
        "strategy": "algorithm interface",
        "concrete_strategy": "one algorithm",
        "context": "holds and calls a strategy",
    }

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        yield from function_tables(ctx, self.id)
        callables = callable_strategies(ctx)
        for ref in ctx.classes():
            found = callables.get(ref.key)
            if found is not None:
                attr, given, fns = found
                names = ", ".join([*(f"`{f.name}`" for _, f in fns), *(f"`{c.cls.name}`" for c in given)][:3])
                yield ctx.det(
                    ref,
                    self.id,
                    "context",
                    0.75,
                    [
                        (
                            ref.cls.selection.line,
                            f"{_keeps(ref, attr)} the function it is given; {names} are passed in",
                        )
                    ],
                    [
                        *((f, "concrete_strategy") for m, f in fns if m is ctx.index),
                        *((c, "concrete_strategy") for c in given),
                    ],
                )
        mine = set(ctx.classes())
        for key, (attr, given, fns) in callables.items():
            holder = ctx.ws.derived.by_key.get(key)
            for c in given:
                if c in mine and holder is not None:
                    yield ctx.det(
                        c,
                        self.id,
                        "concrete_strategy",
                        0.7,
                        [(c.cls.selection.line, f"passed to `{holder.cls.name}` in place of its algorithm function")],
                        [(holder, "context")],
                    )
            for module, fn in fns:
                if module is ctx.index and holder is not None:
                    yield ctx.det(
                        fn,
                        self.id,
                        "concrete_strategy",
                        0.75,
                        [
                            (
                                fn.selection.line,
                                f"one of the algorithms `{holder.cls.name}` is given: it {_keeps(holder, attr)} it",
                            )
                        ],
                        [(holder, "context")],
                    )
        done: set[tuple[str, str]] = set()
        for ref in ctx.classes():
            for role, h in _accepted(ctx, ref):
                done.add((ref.key, {"interface": "strategy", "impl": "concrete_strategy"}.get(role, "context")))
                conf = 0.9 if h.typed else 0.75
                called = ", ".join(f"`{m}`" for m in list(h.collab.methods)[:3])
                if role == "interface":
                    yield ctx.det(
                        ref,
                        self.id,
                        "strategy",
                        conf,
                        [
                            (ref.cls.selection.line, f"{len(h.impls)} interchangeable implementations"),
                            (h.collab.line, f"`{h.holder.cls.name}.{h.collab.attr}` holds one and calls {called}"),
                        ],
                        [*((i, "concrete_strategy") for i in h.impls), (h.holder, "context")],
                    )
                elif role == "impl":
                    yield ctx.det(
                        ref,
                        self.id,
                        "concrete_strategy",
                        conf,
                        [
                            (ref.cls.selection.line, f"implements `{h.interface.cls.name}`"),
                            *duck_evidence(ctx, h.interface, ref),
                        ],
                        [
                            (h.interface, "strategy"),
                            (h.holder, "context"),
                            *((i, "concrete_strategy") for i in h.impls if i != ref),
                        ],
                    )
                else:
                    yield ctx.det(
                        ref,
                        self.id,
                        "context",
                        conf,
                        [
                            (h.collab.line, f"keeps a `{h.interface.cls.name}` in `self.{h.collab.attr}`"),
                            (next(iter(h.collab.methods.values()), h.collab.line), f"delegates {called} to it"),
                            *duck_evidence(ctx, h.interface, ref),
                        ],
                        [(h.interface, "strategy"), *((i, "concrete_strategy") for i in h.impls)],
                    )
        yield from passed_detections(ctx, self.id, done)
        yield from keyed_detections(ctx, self.id, done)
