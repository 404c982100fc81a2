"""Wrappers without a wrapping base class: a class with no base mirroring or renaming the
methods of the one object it holds, and `__getattr__` forwarding (see ``_wrapping``)."""

from __future__ import annotations

from agentls.patterns.context import Collab, Ctx
from agentls.patterns.detectors._basics import made_together, near, script_siblings
from agentls.patterns.detectors._getattr_families import decorated_below
from agentls.patterns.detectors._proxy_forms import baseless_proxy, remote_stub, sole_keeper
from agentls.patterns.detectors._shared import is_repository, is_test_file, is_uow
from agentls.patterns.detectors._wrapping import Role, emit_roles, init_held, installed_adaptees, known_types
from agentls.patterns.facts import FunctionFacts
from agentls.patterns.workspace import ClassRef


def getattr_target(cls_methods: dict[str, FunctionFacts]) -> str | None:
    """`__getattr__` forwarding every unknown attribute to a held object: its rendering."""
    ga = cls_methods.get("__getattr__")
    if ga is None:
        return None
    # Answering only something of its own made from what it read there (`return
    # self.FieldClass(...)` after `getattr(self.table.q, attr).fieldName`) forwards nothing.
    if ga.returns and all(v.startswith("call:self.") for v in ga.returns):
        return None
    for c in ga.calls:
        if c.func == "getattr" and c.args[:1] and c.args[0].startswith(("attr:self.", "sub:self.__dict__")):
            return c.args[0]
    return None


def guards_access(cls_methods: dict[str, FunctionFacts]) -> bool:
    """A `__getattr__` that refuses some names, or assignment refused outright."""
    ga = cls_methods.get("__getattr__")
    # Raising only when the held object lacks the name (`if name in dir(self._obj)`) is plain
    # delegation reporting a missing attribute, not a refusal.
    existence = "dir()" in (ga.in_checks if ga is not None else set()) or any(
        c.func in ("hasattr", "dir") for c in (ga.calls if ga is not None else [])
    )
    # Answering the name from a table of its own first (`if key in self.callables: return
    # self.callables[key]`) and asking the held object only for the rest raises for a name
    # nobody has: a namespace asking the one it inherits from, not a refusal.
    own_table = ga is not None and any(c in ga.in_checks and k.startswith("param:") for c, k in ga.subscripts)
    if ga is not None and ga.raises and ga.complexity > 1 and not existence and not own_table:
        return True
    for n in ("__setattr__", "__setitem__", "__delattr__"):
        m = cls_methods.get(n)
        if (
            m is not None
            and (m.raises or m.complexity > 1)
            and not any(c.func == "setattr" for c in m.calls)
            and not m.self_writes
            and not any(op.container == "self.__dict__" for op in m.container_ops)
        ):
            return True
    return False


def baseless(ctx: Ctx, ref: ClassRef, out: dict[str, dict[str, list[Role]]]) -> None:
    """A wrapper with no base class: it mirrors the interface of the object it holds
    (decorator), or serves its every method by one differently named method of an object
    handed to it that lacks those names (adapter)."""
    if ref.key in out["adapter"] or ref.key in out["decorator"] or ref.key in out["proxy"]:
        return
    # A Protocol it only answers by shape (handed where the program declares it) still leaves
    # a stand-in for one class it makes baseless; the other forms need no interface at all.
    if any(ctx.ws.resolve(ref.module, b) is not None for b in ref.cls.bases):
        return
    by_shape = bool(ctx.ancestors(ref))
    public = {n: m for n, m in ref.cls.methods.items() if not n.startswith("_") and m.kind == "method"}
    if not public:
        return
    collabs = [c for c in ctx.collabs(ref).values() if c.methods and not c.container]
    if baseless_proxy(ctx, ref, public, out["proxy"]) or by_shape:
        return
    for c in collabs:
        # Handed to it, or created by it in the constructor (`self.car = RCCar()`: an adapter
        # may own its adaptee; a decorator never creates its component).
        created = not c.from_param and bool(c.instantiated) and len(c.types) == len(c.instantiated)
        if not (c.from_param or created) or not init_held(ref, c.attr):
            continue
        known = known_types(ctx, ref, c)
        inferred = not known and len(collabs) == 1 and c.from_param and not c.types and not is_test_file(ref.module)
        if inferred:
            known = sole_offerer(ctx, ref, c, set(public))
        if not known:
            continue
        fwd: dict[str, set[str]] = {}
        registers = False
        for n, m in public.items():
            for call in m.calls:
                # handing itself over (`provider.subscribe(msg, self)`) is registration
                if call.receiver == f"self.{c.attr}" and "self" not in call.args:
                    fwd.setdefault(n, set()).add(call.method)
                registers = registers or (call.receiver == f"self.{c.attr}" and "self" in call.args)
        mirrored = [n for n, called in fwd.items() if n in called]
        # Checked for `None` before use: an optional parent asked on a miss (a scope's
        # `find_load` falling back to `self.parent`), a chain of lookups, not a wrapper.
        optional = any(f"self.{c.attr}" in m.none_checks for m in ref.cls.methods.values())
        for t in known:
            offered = set(ctx.all_methods(t))
            abstract = t.cls.abstract_methods or set(t.cls.public_methods)
            # Mirror of the wrapped interface: two or more of its methods re-exposed under
            # their own names, forwarding to it.
            # Two held objects answering the same forwarded calls (`self.left.eval()`,
            # `self.right.eval()`) make a composite node, not a decorator.
            twin = any(o is not c and set(mirrored) <= set(o.methods) for o in collabs)
            # Handing back the wrapped answers converted (`legacy_path(self._p.mkdir(name))`)
            # offers another interface over it: adapting, not decorating.
            converted = [
                n
                for n in mirrored
                if any(v.startswith("call:") and not v.startswith(f"call:self.{c.attr}.") for v in public[n].returns)
            ]
            if (
                not created
                and not optional
                and not twin
                and not all(_passes_on(m, c.attr) for m in public.values())
                and len(converted) * 2 < len(mirrored)
                # a service re-exposing its repository's finders, or a repository over a
                # store, is no decorator: both or neither must be repositories
                and is_repository(ctx, t) == is_repository(ctx, ref)
                and len(mirrored) >= 2
                and set(mirrored) <= offered
                and len(set(mirrored) & abstract) >= 2
            ):
                m0 = public[mirrored[0]]
                emit_roles(
                    out["decorator"],
                    ref,
                    "decorator",
                    0.75,
                    [
                        (c.line, f"wraps a `{t.cls.name}` received in `self.{c.attr}`"),
                        (m0.selection.line, f"`{m0.name}` forwards to the wrapped `{m0.name}` and adds behaviour"),
                    ],
                    [(t, "component", f"the interface the decorator `{ref.cls.name}` wraps and mirrors")],
                )
                return
        if len(collabs) != 1 or (c.types and not created) or any(t.cls.is_interface for t in known) or registers:
            continue  # an object that registers itself with what it holds talks both ways (a controller)
        # Untyped, handed a concrete class that lacks the wrapper's own method names.
        renamed = [
            n
            for n, called in fwd.items()
            if called
            and n not in called
            and public[n].complexity <= 3
            and not public[n].loops
            and not _works_with_answer(public[n], ref.module.import_map)
            and not captured_request(public[n], c.attr)
        ]
        called = {n for r in renamed for n in fwd[r]}
        if created and len(called) >= len(renamed):
            # Owning its adaptee, an adapter turns several requests of its own into fewer
            # operations of the adaptee (`move_forwards`/`stop` -> `change_speed`); one-to-one
            # renaming over an object it made is a client using a helper.
            continue
        # A held implementation whose base declares what the class calls on it (`click` running
        # `self.command.execute()`, `execute` declared by `Command`) is used through that
        # interface: an invoker or a context, not the adapter of one class.
        adaptees = [
            t
            for t in known
            if not set(public) & set(ctx.all_methods(t))
            and not any(called <= a.cls.abstract_methods for a in ctx.ancestors(t) if a.cls.is_interface)
        ]
        if renamed and len(renamed) == len(public) and adaptees:
            m0 = public[renamed[0]]
            called0 = min(fwd[renamed[0]])  # several: the same one every run
            # The interface it presents, when a class of its module (or else one made beside it
            # in its script folder, one class per file) already offers it (the old system the
            # adapter stands in for).
            targets = [t for c in ref.module.classes.values() if _offers(t := ctx.ref(c, ref.module), ref, public)]
            targets = targets or [t for t in script_siblings(ctx, ref) if _offers(t, ref, public)]
            targets = [
                t for t in targets if t not in adaptees and (t.module is ref.module or made_together(ctx, ref, t))
            ]
            if inferred and not targets:
                continue  # guessed adaptee and no interface it stands in for: a mere client
            # A request served by two or more operations of the adaptee (`encender` running
            # `conectar()` then `activar()`) translates only towards an interface a class of
            # its own already presents; without one it is a client driving a helper.
            if not targets and any(len(fwd[n]) > 1 for n in renamed):
                continue
            emit_roles(
                out["adapter"],
                ref,
                "adapter",
                0.65 if inferred else 0.7,
                [(m0.selection.line, f"`{m0.name}` is served by `self.{c.attr}.{called0}`")],
                [(t, "adaptee", f"adapted by `{ref.cls.name}`") for t in adaptees]
                + [(t, "target", f"offers what `{ref.cls.name}` presents") for t in targets[:1]],
            )
            return


def _passes_on(fn: FunctionFacts, attr: str) -> bool:
    """The method only calls its namesake on `self.<attr>` (`turn_on` doing
    `self.device.turn_on()`), adding nothing: a wrapper all of whose methods do so attaches no
    responsibility (a bridge's abstraction over its implementor, or a plain delegate)."""
    return (
        fn.statements <= 1
        and fn.complexity == 1
        and not fn.self_writes
        and len(fn.calls) == 1
        and fn.calls[0].receiver == f"self.{attr}"
        and fn.calls[0].method == fn.name
    )


def captured_request(fn: FunctionFacts, attr: str) -> bool:
    """Takes nothing and hands the held object what the class stored itself (`execute()`
    calling `self.client.post(self.request)`), or a local it built from that, a method taking
    nothing having nothing of a caller's to pass on (`score()` firing `self.game.fire(info)`
    with `info = Goal(self.name, self.goals)`): its own request carried out on the object it
    holds (a command's receiver, a colleague's mediator), not a translation of the caller's."""
    captures = (
        c.receiver == f"self.{attr}" and any(a.startswith(("attr:self.", "name:")) for a in c.args) for c in fn.calls
    )
    return not [p for p in fn.params if p.name != "self"] and any(captures)


def _offers(t: ClassRef, ref: ClassRef, public: dict[str, FunctionFacts]) -> bool:
    return (
        t != ref
        and set(public) <= {n for n in t.cls.methods if not n.startswith("_")}
        # the same signatures, not merely a shared name (`get`)
        and all(t.cls.methods[n].param_names == public[n].param_names for n in public)
    )


def _works_with_answer(fn: FunctionFacts, imports: dict[str, str]) -> bool:
    """Calls two or more methods on a local (`lamp = self.factory.create_lamp(kind)`, then
    `lamp.switch_on()`, `lamp.switch_off()`): a client working with what the held object made,
    not a translation of one call into another (which may convert the answer once)."""
    params = {p.name for p in fn.params}
    used: dict[str, set[str]] = {}
    for c in fn.calls:
        local = c.receiver.isidentifier() and c.receiver != "self"
        if local and c.receiver not in params and c.receiver not in imports:
            used.setdefault(c.receiver, set()).add(c.method)
    return any(len(methods) >= 2 for methods in used.values())


def _object_param(fn: FunctionFacts, name: str) -> bool:
    """Not annotated with a plain value type."""
    p = fn.param(name)
    return p is not None and (p.annotation or "").rpartition(".")[2] not in _SCALARS


_SCALARS = frozenset({"str", "int", "float", "bytes", "bool"})


def _installs(init: FunctionFacts) -> bool:
    """`self.__dict__.update(methods)` with a mapping the constructor is handed."""
    return any(c.func == "self.__dict__.update" and any(a.startswith("param:") for a in c.args) for c in init.calls)


def sole_offerer(ctx: Ctx, ref: ClassRef, c: Collab, own: set[str]) -> list[ClassRef]:
    """The one concrete class of the wrapper's module (or one it imports or is imported by)
    offering every method called on the untyped object it is handed and none of the wrapper's
    own method names: the wrapped object's class, when nothing else could be."""
    called = set(c.methods)
    if not called or any(n.startswith("_") for n in called):
        return []
    first = sorted(called)[0]
    offering = [
        r
        for r in ctx.by_method(public=True).get(first, [])
        if r != ref
        and not r.cls.is_interface
        and called <= set(ctx.all_methods(r))
        and not own & set(ctx.all_methods(r))
    ]
    # near its module first; else in its script folder (one class per file, wired by main.py)
    found = [r for r in offering if near(ref, r)] or [r for r in offering if near(ref, r, ctx)]
    if len(found) != 1 or is_repository(ctx, found[0]) or is_repository(ctx, ref) or is_uow(ctx, found[0]):
        return []
    return found


def _creates_on_first_use(methods: dict[str, FunctionFacts], ga: FunctionFacts, held: str) -> bool:
    """`__getattr__` testing the held object for None and making it then, itself or through a
    method of its own (`if self._wrapped is None: self._setup()`): a virtual proxy, the real
    subject created on first use. Reading it unconditionally is a plain pass-through."""
    if f"self.{held}" not in ga.none_checks:
        return False
    if held in ga.self_writes:
        return True
    return any(held in m.self_writes for n, m in methods.items() if n in ga.self_calls and n != "__init__")


def getattr_wrapper(ctx: Ctx, ref: ClassRef, out: dict[str, dict[str, list[Role]]]) -> None:
    """`__getattr__` forwarding every unknown attribute to a held object: with some names or
    assignment refused, a protection proxy; with methods injected into the instance's
    `__dict__`, an adapter; with same-named methods overridden on top of the forwarding, a
    decorator. Forwarding alone is plain delegation."""
    if any(ref.key in out[p] for p in ("adapter", "decorator", "proxy")):
        return
    methods = ref.cls.methods
    target = getattr_target(methods)
    init = methods.get("__init__")
    if target is None and remote_stub(ctx, ref, out["proxy"]):
        return
    if target is None:
        # No `__getattr__`: the adapted methods it is handed become its own, beside the one
        # object it keeps (`Adapter(musician, dict(organize_event=musician.play))`).
        # The kept object is an object, not a name or number (`RecordedHookCall(name: str,
        # kwargs)` keeping its keyword arguments as attributes is a record).
        kept = [
            a
            for a, vs in (init.self_writes if init else {}).items()
            if init is not None and any(v.startswith("param:") and _object_param(init, v[6:]) for v in vs)
        ]
        own = [n for n in methods if not n.startswith("_")]
        if init is not None and _installs(init) and len(kept) == 1 and not own:
            emit_roles(
                out["adapter"],
                ref,
                "adapter",
                0.7,
                [(init.selection.line, f"installs the adapted methods it is given beside `self.{kept[0]}`")],
                [(a, "adaptee", f"its methods installed by `{ref.cls.name}`") for a in installed_adaptees(ctx, ref)],
            )
        return
    ga = methods["__getattr__"]
    held = target[5:].removeprefix("self.") if target.startswith("attr:") else ""
    if not held and init is not None:
        # `getattr(self.__dict__['file'], name)`: the one object the constructor was given.
        given = [a for a, vs in init.self_writes.items() if any(v.startswith("param:") for v in vs)]
        held = given[0] if len(given) == 1 else ""
    if guards_access(methods):
        emit_roles(
            out["proxy"],
            ref,
            "proxy",
            0.8,
            [(ga.selection.line, f"`__getattr__` forwards to `{target[5:]}` but refuses some access")],
            [],
        )
        return
    if held and _creates_on_first_use(methods, ga, held):
        emit_roles(
            out["proxy"],
            ref,
            "proxy",
            0.75,
            [(ga.selection.line, f"`__getattr__` creates `self.{held}` on first use, then forwards to it")],
            [],
        )
        return
    if init is not None and _installs(init):
        emit_roles(
            out["adapter"],
            ref,
            "adapter",
            0.75,
            [
                (init.selection.line, "installs the adapted methods it is given on the instance"),
                (ga.selection.line, f"`__getattr__` forwards the rest to `{target[5:]}`"),
            ],
            [(a, "adaptee", f"its methods installed by `{ref.cls.name}`") for a in installed_adaptees(ctx, ref)],
        )
        return
    if held:
        over = [
            m
            for n, m in methods.items()
            if not n.startswith("__") and any(c.receiver == f"self.{held}" and c.method == n for c in m.calls)
        ]
        if over:
            emit_roles(
                out["decorator"],
                ref,
                "decorator",
                0.7,
                [
                    (ga.selection.line, f"`__getattr__` forwards every attribute to `{target[5:]}`"),
                    (over[0].selection.line, f"`{over[0].name}` adds behaviour around the wrapped `{over[0].name}`"),
                ],
                [],
            )
            return
        if decorated_below(ctx, ref, held, ga, out["decorator"]):
            return
    if "call:getattr" in ga.returns and ga.complexity == 1 and sole_keeper(ctx, ref, held):
        # Every attribute passed straight through: a stand-in, but nothing shows it controls
        # access, so it is reported at the lowest confidence shown.
        emit_roles(
            out["proxy"],
            ref,
            "proxy",
            0.5,
            [(ga.selection.line, f"`__getattr__` passes every attribute through to `{target[5:]}`")],
            [],
        )
