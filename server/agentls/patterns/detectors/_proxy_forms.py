"""Stand-ins without a base class (see ``_wrapping``): a class serving every method of one
concrete class it creates or is handed, each by the same-named method, while adding access
control, lazy creation or bookkeeping of its own."""

from __future__ import annotations

from agentls.patterns.context import Collab, Ctx
from agentls.patterns.detectors._basics import made_together, script_siblings
from agentls.patterns.detectors._duck_runners import handed_at_init
from agentls.patterns.detectors._shared import is_repository
from agentls.patterns.detectors._wrapping import Role, Wrap, calls_on, emit_roles, wraps
from agentls.patterns.facts import FunctionFacts
from agentls.patterns.generated_init import annotated_container
from agentls.patterns.workspace import ClassRef


def baseless_proxy(ctx: Ctx, ref: ClassRef, public: dict[str, FunctionFacts], out: dict[str, list[Role]]) -> bool:
    """A stand-in with no base class for one concrete class: it creates the real object itself
    (`self.car = Car(driver)`, or on first use) or is handed one typed as that class (`fetcher:
    DataFetcher`: no other wrapper can be handed in its place, so it decorates nothing), offers
    every public method of it, each forwarding to the same-named method, and creates it
    lazily, forwards under a check of its own (`if self.driver.age >= 16`, or a decorator of
    its own around the forwarding method) or keeps a record of each call (a log, a cache)."""
    # A function of the class applied to its own methods (`@admin_required`) is no API of it.
    used = {d for m in ref.cls.methods.values() for d in m.decorators}
    public = {n: m for n, m in public.items() if n not in used}
    for c in ctx.collabs(ref).values():
        types = c.types
        if c.from_param and not types and not c.instantiated and not c.container and c.methods:
            # Untyped (duck typing): the one class the program hands its constructor there.
            types = handed_at_init(ctx, ref, c.attr, set(c.methods))
        handed = c.from_param and not c.instantiated and len(types) == 1
        if c.container or not (handed or (not c.from_param and c.instantiated)) or len(types) != 1:
            continue
        real = types[0]
        if real == ref or real.cls.is_interface or (handed and is_repository(ctx, real)):
            continue
        offered = {n for n, m in real.cls.methods.items() if not n.startswith("_") and m.kind == "method"}

        def makes_real(m: FunctionFacts, attr: str = c.attr, real: ClassRef = real) -> bool:
            """Stores a new object of the real class in the attribute."""
            return any(
                v.startswith("call:") and ctx.resolve(v[5:], ref.module) == real for v in m.self_writes.get(attr, [])
            )

        # The attribute itself, or a property answering it (`self.expensive_object.process()`).
        receivers = calls_on(ctx, ref, c.attr)
        mirrored = [n for n, m in public.items() if any(x.receiver in receivers and x.method == n for x in m.calls)]
        # Methods of its own beside the forwarding ones may only report on the stand-in
        # itself (`get_log()`); a class handed its object must offer nothing else of it.
        own = [m for n, m in public.items() if n not in mirrored and not set(receivers.values()) & set(m.self_reads)]
        # Created on first use by whichever of its methods checks for it (`if self.cnx is
        # None: self.cnx = DBConnection()` in `access_resource`): a virtual proxy may manage
        # the real object's life with methods of its own besides the ones it forwards.
        made_lazily = [m for m in ref.cls.methods.values() if f"self.{c.attr}" in m.none_checks and makes_real(m)]
        # ... the forwarding itself bringing it into being (`query` calling `acquire`, or
        # reading the property that makes it), not a fixture started elsewhere whose readings
        # it passes on
        makers = {m.name for m in made_lazily}
        made_lazily = (
            made_lazily
            if any(
                n in makers or public[n].self_calls & makers or any(x.receiver[5:] in makers for x in public[n].calls)
                for n in mirrored
            )
            else []
        )
        exact = set(mirrored) == offered and (
            set(mirrored) == set(public) or (handed and len(own) + len(mirrored) == len(public))
        )
        if not offered or not mirrored or not (exact or (made_lazily and set(mirrored) <= offered)):
            continue
        # Created on first use: the real class itself instantiated into the attribute (an
        # attribute replaced by what its own methods return is a state machine's transition).
        lazy = [m for m in public.values() if makes_real(m) and c.attr in m.self_reads]
        if any(
            v.startswith(f"call:self.{c.attr}.")
            for m in ref.cls.methods.values()
            for v in m.self_writes.get(c.attr, [])
        ):
            continue
        guarded = [
            public[n]
            for n in mirrored
            if (public[n].complexity > 1 and not public[n].loops) or _guarded_by_own(ref, public[n])
        ]
        recorded = [public[n] for n in mirrored if _records(public[n], c.attr)]
        lazy = lazy or made_lazily
        if not lazy and not guarded and not (handed and recorded):
            continue
        m0 = (lazy or guarded or recorded)[0]
        how = (
            "creates it on first use"
            if lazy
            else "forwards only after a check of its own"
            if guarded
            else "records each call it forwards"
        )
        # A Protocol of its module (or else of its script folder, imported where the proxy is
        # made) both answer structurally is the subject they share.
        protocols = [p for c in ref.module.classes.values() if _shared(p := ctx.ref(c, ref.module), mirrored, offered)]
        protocols = protocols or [
            p for p in script_siblings(ctx, ref) if _shared(p, mirrored, offered) and made_together(ctx, ref, p, True)
        ]
        emit_roles(
            out,
            ref,
            "proxy",
            0.75,
            [
                (
                    c.line,
                    f"{'is handed' if handed else 'creates'} the real `{real.cls.name}` in `self.{c.attr}`"
                    " and offers its methods",
                ),
                (m0.selection.line, f"`{m0.name}` {how}"),
            ],
            [(real, "real_subject", f"the real object behind the proxy `{ref.cls.name}`")]
            + [
                (p, "subject", f"the protocol `{ref.cls.name}` and `{real.cls.name}` both answer")
                for p in protocols[:1]
            ],
        )
        return True
    return False


_PLAIN_DECORATORS = frozenset({"property", "staticmethod", "classmethod", "abstractmethod", "override", "wraps"})


def _guarded_by_own(ref: ClassRef, m: FunctionFacts) -> bool:
    """Decorated by a function of its own class or module (`@admin_required` checking the
    caller's role): the check around the forwarding lives in that decorator."""
    for d in m.decorators:
        name = d.rpartition(".")[2]
        if name in _PLAIN_DECORATORS or "." in d:
            continue
        if name in ref.cls.methods or name in ref.module.functions:
            return True
    return False


def checked_by_own(ref: ClassRef, forwarding: list[FunctionFacts]) -> bool:
    """A forwarding method runs a check of its own class first, a helper raising when it
    fails (`self._authorize(user_id)` raising for an unknown user): access control, as an
    `if` around the forwarding would be."""
    for m in forwarding:
        for name in m.self_calls:
            helper = ref.cls.methods.get(name)
            if helper is not None and helper is not m and helper.raises and helper.complexity > 1:
                return True
    return False


def _records(m: FunctionFacts, attr: str) -> bool:
    """Keeps something of its own about each call it forwards (appends to a log, stores a
    result): bookkeeping around the forwarding, not the forwarding alone."""
    return any(op.container.startswith("self.") and op.container != f"self.{attr}" for op in m.container_ops) or any(
        k != attr for k in m.self_writes
    )


def _shared(p: ClassRef, mirrored: list[str], offered: set[str]) -> bool:
    return bool(
        p.cls.is_protocol
        and p.cls.methods
        and set(mirrored) & set(p.cls.methods)
        and set(p.cls.public_methods) <= offered
    )


def typed_as_one(ctx: Ctx, ref: ClassRef, collab: Collab, iface: ClassRef) -> bool:
    """Handed its subject typed as one concrete implementation of its own interface that is no
    base of its own (`Proxy(Subject)` taking `real_subject: RealSubject`) and offers nothing
    beyond that interface: it stands in for that class alone. A decorator holds the
    component's interface, so that it can wrap any implementation, another decorator
    included; a port over a broader service (a clock over a time service that also sleeps)
    narrows it: an adapter."""
    ancestors = ctx.ancestors(ref)
    offered = set(ctx.all_methods(iface))
    return (
        collab.from_param
        and bool(collab.types)
        and all(
            t != ref
            and not t.cls.is_interface
            and t not in ancestors
            and {n for n in ctx.all_methods(t) if not n.startswith("_")} <= offered
            for t in collab.types
        )
    )


def adds_around(collab: Collab, forwarding: list[FunctionFacts]) -> bool:
    """Something done around the forwarding (a log line, a check, a record of the call):
    passing each call on unchanged to one class is plain delegation, neither proxy nor
    decorator."""
    receiver = f"self.{collab.attr}"
    return any(
        m.complexity > 1 or _records(m, collab.attr) or any(c.receiver != receiver for c in m.calls) for m in forwarding
    )


def tree_node(ctx: Ctx, ref: ClassRef, iface: ClassRef) -> bool:
    """Another implementation of the same interface holds two or more objects of it (a
    `BinaryOperation` with `left` and `right` beside the `UnaryOperation` holding one
    `operand`): the one-child class is an inner node of that tree, evaluating through its
    child, not a stand-in for it nor a decoration of it. The objects held may be typed as a
    base of the interface (a SQL `BasicCriterion(left: Term, right: Term)` beside the
    `ExistsCriterion` holding one subquery, under `Criterion(Term)`)."""
    kind = {iface.key, *(d.key for d in ctx.descendants(iface)), *(a.key for a in ctx.ancestors(iface))}
    for s in ctx.concrete(iface):
        if s == ref:
            continue
        held = [c for c in ctx.collabs(s).values() if not c.container and any(t.key in kind for t in c.types)]
        if len(held) >= 2:
            return True
    return False


def list_tree_node(ctx: Ctx, ref: ClassRef, iface: ClassRef) -> bool:
    """Another implementation of the same interface is handed a list of objects of it (a
    template's `Group(children: list[Node])`) and this class is handed the one it holds (a
    `Block(body: Node)` answering from the context, else rendering its body): an inner node
    of that tree, branching before it asks its child, not a stand-in guarding it. A class
    that makes its subject itself (the book's `ImageProxy` beside the `Picture` of graphics)
    is no node."""
    kind = {iface.key, *(d.key for d in ctx.descendants(iface))}
    if any(c.instantiated and any(t.key in kind for t in c.types) for c in ctx.collabs(ref).values()):
        return False
    for s in ctx.concrete(iface):
        if s != ref and any(
            _handed_list(s, c.attr) for c in ctx.collabs(s).values() if any(t.key in kind for t in c.types)
        ):
            return True
    return False


def _handed_list(ref: ClassRef, attr: str) -> bool:
    """`self.<attr>` keeps a parameter annotated as a list (`children: list[Node]`)."""
    for m in ref.cls.methods.values():
        for written in m.self_writes.get(attr, ()):
            kind, _, rest = written.removeprefix("pick:").partition(":")
            p = m.param(rest) if kind == "param" else None
            if p is not None and annotated_container(p.annotation) == "list":
                return True
    return False


def made_link(ctx: Ctx, ref: ClassRef, w: Wrap, iface: ClassRef) -> bool:
    """The wrapper makes its subject itself and that subject makes another of the interface in
    turn, forwarding the same call to it, or the wrapper is itself made so by another, each
    answering some requests itself (`return True` in a branch): links of a chain handing on
    what they do not answer (`Clerk` making a `Supervisor` making a `Director`), not a
    stand-in. Wrappers always handing the call on (a connection through a proxy server over a
    connection that connects on first use) are layers, left to the other rules."""
    if w.collab.from_param or not w.collab.instantiated:
        return False
    names = _answered_forwards(w)
    if not names:
        return False

    def makers(r: ClassRef) -> list[ClassRef]:
        """What ``r`` makes for itself, of the interface, and hands one of ``names`` on to,
        answering some of them itself."""
        return [
            t
            for x in wraps(ctx, r)
            if x.same_family and not x.collab.from_param and names & _answered_forwards(x)
            for t in x.collab.instantiated
            if t.key != r.key
        ]

    if any(makers(t) for t in w.collab.instantiated if t.key != ref.key):
        return True
    return any(ref.key in {t.key for t in makers(s)} for s in ctx.descendants(iface) if s.key != ref.key)


def _answered_forwards(w: Wrap) -> set[str]:
    """Names ``w`` forwards to the same-named method while answering some requests itself."""
    return {n for m, n in w.forwards if m.name == n and _answers_itself(m)}


def _answers_itself(m: FunctionFacts) -> bool:
    """Some `return` answers a literal of the method's own (`return True`, an f-string), not
    what a call (awaited or not) answered."""
    return any(v in ("const", "fstring") for v in m.returns)


def remote_stub(ctx: Ctx, ref: ClassRef, out: dict[str, list[Role]]) -> bool:
    """`__getattr__` answering every attribute with a method stand-in of another class of the
    program, made from the name asked and a bound method of its own that carries the call
    (`return _RemoteMethod(self._invoke, name)`, the stand-in's `__call__` sending it): a
    remote proxy, the real object living elsewhere. A stand-in answering its own kind for a
    dotted name (`_RemoteMethod.__getattr__`) is that method object, not the proxy."""
    ga = ref.cls.methods.get("__getattr__")
    if ga is None or not ga.params:
        return False
    asked = f"param:{ga.params[0].name}"
    for c in ga.calls:
        own = [a[10:] for a in c.args if a.startswith("attr:self.") and a[10:] in ref.cls.methods]
        if asked not in c.args or not own or f"call:{c.func}" not in ga.returns:
            continue
        stub = ctx.resolve(c.func, ref.module)
        if stub is None or stub == ref or "__call__" not in stub.cls.methods:
            continue
        emit_roles(
            out,
            ref,
            "proxy",
            0.7,
            [(ga.selection.line, f"`__getattr__` answers a `{stub.cls.name}` sending each call through `{own[0]}`")],
            [],
        )
        return True
    return False


def sole_keeper(ctx: Ctx, ref: ClassRef, held: str) -> bool:
    """A class keeping only the object it passes everything through to (`self.<held>`),
    deriving no class of the program: a stand-in for it. Another object kept beside it is
    allowed only as the one it hands that object back to (`self._pool.cache(self._con)`: a
    pooled connection). One keeping more (a select result beside the join it came from, a
    method beside the connection it binds) wraps it for work of its own, and one deriving a
    base of the program is a node of that hierarchy wrapping another (`Lateral(FromItem)`
    around a query)."""
    init = ref.cls.methods.get("__init__")
    if not held or init is None or any(ctx.ws.resolve(ref.module, b) is not None for b in ref.cls.bases):
        return False
    kept = {a for a, vs in init.self_writes.items() if any(v.startswith("param:") for v in vs)}
    homes = {
        c.receiver[5:]
        for m in ref.cls.methods.values()
        for c in m.calls
        if c.receiver.startswith("self.") and f"attr:self.{held}" in c.args
    }
    return held in kept and kept - homes <= {held}
