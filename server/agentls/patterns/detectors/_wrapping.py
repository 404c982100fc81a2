"""Shared analysis of wrapper classes: adapter, decorator and proxy differ in what they do with
what they wrap.

A wrapper holds one object (received in its constructor or created there) and serves its own
methods by calling that object. What it wraps and how decides the pattern:

- the same interface, forwarding each call under the same name and adding behaviour around
  it: decorator (`component`);
- the same interface, but creating the subject itself (eagerly or on first use), or
  forwarding only under a condition (a permission check, a cache): proxy (`subject`,
  `real_subject`);
- a different interface, translated to differently named methods: adapter (`target`,
  `adaptee`).

The whole workspace is classified once (``wrapper_roles``) so that the interface and the
wrapped classes, often in other modules, get their roles too.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from agentls.patterns.context import Collab, Ctx, Ev, Target, per_workspace
from agentls.patterns.detectors._duck_subject import duck_subject, forwards_same
from agentls.patterns.facts import FunctionFacts, ModuleIndex, held_receiver
from agentls.patterns.test_code import is_test_file
from agentls.patterns.workspace import ClassRef


@dataclass
class Wrap:
    collab: Collab
    interface: ClassRef  # what the wrapper implements
    same_family: bool  # the wrapped object implements the same interface
    forwards: list[tuple[FunctionFacts, str]]  # (wrapper method, method called on wrapped)
    wrapped: list[ClassRef] = field(default_factory=list)  # known classes of the wrapped object


@dataclass
class Role:
    role: str
    confidence: float
    evidence: list[Ev]
    participants: list[tuple[Target, str]]


def family(ctx: Ctx, base: ClassRef) -> set[str]:
    return {base.key, *(d.key for d in ctx.descendants(base))}


# -- who is handed to whose constructor ---------------------------------------------------------


@per_workspace
def ctor_args(ctx: Ctx) -> dict[str, list[ClassRef]]:
    """For every class, the workspace classes whose instances are passed to its constructor
    somewhere in the program (`Adapter(Adaptee())`, `d = Decorator(component)` after
    `component = Component()` at module level, in a main guard or in a plain function)."""
    names = {r.cls.name for r in ctx.ws.all_classes()}
    out: dict[str, list[ClassRef]] = {}

    def scan(module: ModuleIndex, fn: FunctionFacts, local: dict[str, str]) -> None:
        for call in fn.calls:
            if call.func.rpartition(".")[2] not in names or not call.args:
                continue
            made = ctx.ws.resolve(module, call.func)
            if made is None:
                continue
            for a in call.args:
                if a.startswith("name:"):
                    a = local.get(a[5:], "")
                if a.startswith("call:") and a[5:].rpartition(".")[2] in names:
                    r = ctx.ws.resolve(module, a[5:])
                    if r is not None and r != made:
                        got = out.setdefault(made.key, [])
                        if r not in got:
                            got.append(r)

    for module in ctx.ws.modules():
        if module.toplevel is not None:
            scan(module, module.toplevel, {**_bound(module.toplevel), **module.assigns})
        # Locals of a main guard or a plain function (`main()`) wire the program; a test's (a
        # test case's method, a test module's function) wire doubles and fixtures.
        plain = set() if is_test_file(module) else {id(fn) for fn in module.functions.values()}
        for fn in module.all_functions():
            scan(module, fn, _bound(fn) if id(fn) in plain else {})
    return out


def _bound(fn: FunctionFacts) -> dict[str, str]:
    """The locals of ``fn`` bound to one call, as a value (`name -> "call:Adaptee"`)."""
    return {k: f"call:{v}" for k, v in fn.call_locals.items()}


# -- the wrapped object ---------------------------------------------------------------------------


def init_held(ref: ClassRef, attr: str) -> bool:
    """The attribute is set in the constructor and never replaced afterwards (a builder's
    `reset()` or a chain's `set_next()` replaces it)."""
    set_in_init = False
    for n, m in ref.cls.methods.items():
        if attr in m.self_writes:
            if n in ("__init__", "__post_init__"):
                set_in_init = True
            elif f"self.{attr}" not in m.none_checks:  # lazy creation on first use is holding it
                return False
    return set_in_init or attr in ref.cls.fields


def known_types(ctx: Ctx, ref: ClassRef, c: Collab) -> list[ClassRef]:
    """Classes the wrapped object is known to be: annotated or created, or else the classes
    handed to the constructor that offer every method the wrapper calls on it."""
    if c.types:
        return list(c.types)
    if not c.from_param:
        return []
    called = set(c.methods)
    return [r for r in ctx_args_for(ctx, ref) if called and called <= set(ctx.all_methods(r))]


def ctx_args_for(ctx: Ctx, ref: ClassRef) -> list[ClassRef]:
    return ctor_args(ctx).get(ref.key, [])


def calls_on(ctx: Ctx, ref: ClassRef, attr: str) -> dict[str, str]:
    """Receivers meaning `self.<attr>` in this class: the attribute itself and properties of
    the class or its bases that return it (`self.component.operation()`)."""
    out = {f"self.{attr}": attr}
    for a in [ref, *ctx.ancestors(ref)]:
        for n, m in a.cls.methods.items():
            if m.kind == "property" and f"attr:self.{attr}" in m.returns:
                out[f"self.{n}"] = attr
    return out


@per_workspace
def wraps(ctx: Ctx, ref: ClassRef) -> list[Wrap]:
    return _wraps(ctx, ref)


def _wraps(ctx: Ctx, ref: ClassRef) -> list[Wrap]:
    out: list[Wrap] = []
    bases = [a for a in ctx.ancestors(ref) if a.cls.methods]
    if not bases:
        return out
    for c in ctx.collabs(ref).values():
        # `__str__` answering an f-string of the held object (`f"{self.shape} in red"`) asks it
        # for its own `__str__`: forwarding, with no method called by name.
        formats = [] if c.methods else _formats(ref, c.attr)
        if c.container or not (c.from_param or c.instantiated) or not (c.methods or formats):
            continue
        if not init_held(ref, c.attr) or _value_or_node(ref, c.attr):
            continue
        known = known_types(ctx, ref, c)
        if formats and not known and c.from_param:
            names = {m.name for m in formats}
            known = [r for r in ctx_args_for(ctx, ref) if names <= set(ctx.all_methods(r))]
        # The nearest base the class forwards through, unless the object is handed in,
        # declared as a class, and a base further up is its family: Head First's
        # `Mocha(CondimentDecorator)` is handed a `beverage: Beverage`, the abstract
        # decorator's base, and decorates it. (An object the class makes, such as its own
        # notification helper, or one whose kind is only guessed keeps the nearest base.)
        further = c.from_param and bool(c.types)
        found: Wrap | None = None
        for base in bases:
            fam = family(ctx, base)
            offered = set(ctx.all_methods(base))
            if known:
                same = any(t.key in fam for t in known) or duck_subject(ctx, ref, c, base, known)
            else:
                called = set(c.methods)
                # Duck typing by one shared method name (`send`, `close`) proves nothing. The
                # abstract methods count up the hierarchy (`CondimentDecorator(Beverage)`
                # redeclaring one, inheriting the abstract `cost`).
                abstract = set().union(*(a.cls.abstract_methods for a in [base, *ctx.ancestors(base)]))
                same = called <= offered and len(called & abstract) >= 2
                if not same and called <= offered and _plainly_given(ctx, ref, c.attr, fam):
                    # Forwarding each call under its own name to what another implementation
                    # of its own base answers (`CacheProxy(DatabaseQuery)` over
                    # `RealDatabaseQuery`): the wrapped object is that sibling's kind.
                    siblings = _implementers(ctx, base, ref, called)
                    if siblings and forwards_same(ref, c.attr, called):
                        same, known = True, siblings
            forwards = [(m, m.name) for m in formats if m.name in offered]
            for m in ref.cls.methods.values():
                if m.name.startswith("__") or m.name not in offered:
                    continue
                for call in m.calls:
                    if held_receiver(ref.cls, m, call.receiver) == f"self.{c.attr}":
                        forwards.append((m, call.method))
            if forwards and (found is None or (same and further)):
                found = Wrap(c, base, same, forwards, known)
                if same or not further:
                    break
        if found is not None:
            out.append(found)
    return out


_SCALARS = frozenset({"str", "int", "float", "bytes", "bool"})


def _formats(ref: ClassRef, attr: str) -> list[FunctionFacts]:
    """`__str__` / `__repr__` answering only an f-string that reads ``self.<attr>`` and calls
    nothing on it."""
    return [
        m
        for n, m in ref.cls.methods.items()
        if n in ("__str__", "__repr__")
        and m.returns == ["fstring"]
        and attr in m.self_reads
        and not any(c.receiver == f"self.{attr}" for c in m.calls)
    ]


def _value_or_node(ref: ClassRef, attr: str) -> bool:
    """The constructor's parameter kept in ``attr`` may be a plain value or an object
    (`then: str | F | Function`): an expression tree's operand, not a wrapped component."""
    init = ref.cls.methods.get("__init__")
    for v in init.self_writes.get(attr, []) if init is not None else []:
        p = init.param(v[6:]) if init is not None and v.startswith("param:") else None
        alternatives = (
            {a.strip().rpartition(".")[2] for a in (p.annotation or "").replace("Union[", "").split("|")}
            if p
            else set()
        )
        if len(alternatives) > 1 and alternatives & _SCALARS:
            return True
    return False


def _implementers(ctx: Ctx, base: ClassRef, ref: ClassRef, called: set[str]) -> list[ClassRef]:
    """Concrete classes of ``base``'s hierarchy besides ``ref`` implementing every method in
    ``called`` with a body of their own."""
    out = []
    for d in ctx.descendants(base):
        if d == ref or d.cls.is_interface or ref in ctx.ancestors(d):
            continue
        # Implemented with a body, inherited or its own (`get_description` from the base),
        # at least one of them by the class itself.
        every = ctx.all_methods(d)
        bodies = [every.get(n) for n in called]
        if all(m is not None and not m.is_stub for m in bodies) and any(n in d.cls.methods for n in called):
            out.append(d)
    return out


def _plainly_given(ctx: Ctx, ref: ClassRef, attr: str, fam: set[str]) -> bool:
    """The attribute only ever holds what the constructor was handed, untransformed (not
    `re.compile(pattern)`: a regex answering `match` is no sibling of a matcher), through a
    parameter annotated with nothing or with the wrapper's own family (not `Pattern`)."""
    values = [v for m in ref.cls.methods.values() for v in m.self_writes.get(attr, [])]
    if not values or not all(v.startswith("param:") or v == "none" for v in values):
        return False
    init = ref.cls.methods.get("__init__")
    for v in values:
        p = init.param(v[6:]) if init is not None and v.startswith("param:") else None
        if (
            p is not None
            and p.annotation
            and not any(t.key in fam for t in ctx.annotation_refs(p.annotation, ref.module))
        ):
            return False
    return True


def inherited_wraps(ctx: Ctx, ref: ClassRef) -> list[tuple[ClassRef, Wrap, list[tuple[FunctionFacts, str]]]]:
    """Wraps a base class sets up that this subclass's own overrides forward through
    (`ConcreteDecoratorA(Decorator)` calling `self.component.operation()`)."""
    out = []
    for anc in ctx.ancestors(ref):
        for w in wraps(ctx, anc):
            receivers = calls_on(ctx, anc, w.collab.attr)
            offered = set(ctx.all_methods(w.interface))
            forwards = [
                (m, call.method)
                for m in ref.cls.methods.values()
                if not m.name.startswith("__") and m.name in offered
                for call in m.calls
                if call.receiver in receivers
            ]
            # ... or through the base's own forwarding method (`return super().get_data(...)`
            # after a check of its own): the base forwards for it.
            relayed = {bm.name for bm, n in w.forwards if bm.name == n}
            forwards += [
                (m, m.name)
                for m in ref.cls.methods.values()
                if m.name in relayed and any(c.func == f"super().{m.name}" for c in m.calls)
            ]
            if forwards:
                out.append((anc, w, forwards))
    return out


# -- what it does with it ----------------------------------------------------------------------


def is_proxy_like(w: Wrap) -> bool:
    """The wrapper creates its subject itself (eagerly or on first use), or forwards only under
    a condition it checks (access, a cache). A decorator is handed its component and always
    forwards."""
    attr = f"self.{w.collab.attr}"
    if w.collab.instantiated and not w.collab.from_param:
        return True
    for m, _ in w.forwards:
        made = any(v.startswith("call:") for v in m.self_writes.get(w.collab.attr, []))
        if made and attr in m.none_checks:  # `if self._real is None: self._real = Real()`
            return True
    same = [m for m, n in w.forwards if m.name == n]
    # A forwarding method with a branch of its own that is not about whether the wrapped
    # object is there at all (an optional successor in a chain).
    return any(
        m.complexity > 1 and attr not in m.none_checks and not m.loops and not _priced_by_wrapped(m, w.collab.attr)
        for m in same
    )


def _priced_by_wrapped(m: FunctionFacts, attr: str) -> bool:
    """Branches only on what the wrapped object answers besides the forwarded call (`if
    self.beverage.get_size() == Size.TALL: cost += .10`), taking nothing, reading nothing else
    of its own, refusing nothing (no raise, no constant or empty answer): it adds its share by
    the component's state, a decorator's work, not a check of the stand-in's own."""
    held = f"self.{attr}"
    asked = {c.method for c in m.calls if c.receiver == held and c.method != m.name}
    return (
        bool(asked)
        and not m.params
        and not m.raises
        and m.self_reads == {attr}
        and bool(m.returns)
        and not any(v in ("const", "none") for v in m.returns)
    )


def add_role(out: dict[str, list[Role]], ref: ClassRef, role: Role) -> None:
    got = out.setdefault(ref.key, [])
    if all(r.role != role.role for r in got):
        got.append(role)


def emit_roles(
    out: dict[str, list[Role]],
    wrapper: ClassRef,
    role: str,
    conf: float,
    evidence: list[Ev],
    others: list[tuple[ClassRef, str, str]],  # (class, role, evidence reason)
) -> None:
    parts: list[tuple[Target, str]] = [(wrapper, role), *((c, r) for c, r, _ in others)]
    add_role(out, wrapper, Role(role, conf, evidence, parts))
    for c, r, why in others:
        if c.path.endswith(".pyi"):
            continue
        add_role(out, c, Role(r, round(conf - 0.05, 2), [(c.cls.selection.line, why)], parts))


def installed_adaptees(ctx: Ctx, ref: ClassRef) -> list[ClassRef]:
    """The classes whose methods the functions making ``ref`` hand it to install
    (`Wrapper(obj, dict(organize_event=obj.play))`, `Wrapper(obj, sound=obj.hoot)`): for each
    method so referenced, the one class of the function's module or its imports defining it."""
    out: list[ClassRef] = []
    name = ref.cls.name
    offered = ctx.by_method(public=True)
    for module in ctx.ws.modules():
        if name not in module.classes and name not in module.import_map:
            continue
        for fn in module.units():
            if not any(c.method == name and ctx.ws.resolve(module, c.func) == ref for c in fn.calls):
                continue
            # handed to its constructor, or gathered in a `dict(...)` handed to it
            for c in [c for c in fn.calls if c.func == "dict" or c.method == name]:
                for a in c.args:
                    head, _, method = a[5:].rpartition(".") if a.startswith("attr:") else ("", "", "")
                    if not head or "." in head or head == "self":
                        continue
                    near = [
                        r
                        for r in offered.get(method, [])
                        if r != ref and (r.module is module or r.cls.name in module.import_map)
                    ]
                    if len(near) == 1 and near[0] not in out:
                        out.append(near[0])
    return out
