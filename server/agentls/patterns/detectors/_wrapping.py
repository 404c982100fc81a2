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

from collections.abc import Iterator
from dataclasses import dataclass, field

from agentls.patterns.context import Collab, Ctx, Ev, Target, per_workspace
from agentls.patterns.detectors._messages import handler_roles
from agentls.patterns.detectors._shared import is_repository, is_uow
from agentls.patterns.facts import FunctionFacts, ModuleIndex
from agentls.patterns.model import Detection
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


def _family(ctx: Ctx, base: ClassRef) -> set[str]:
    return {base.key, *(d.key for d in ctx.descendants(base))}


# -- who is handed to whose constructor ---------------------------------------------------------


@per_workspace
def ctor_args(ctx: Ctx) -> dict[str, list[ClassRef]]:
    """For every class, the workspace classes whose instances are passed to its constructor
    somewhere in the program (`Adapter(Adaptee())`, `d = Decorator(component)` after
    `component = Component()` at module level)."""
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
            scan(module, module.toplevel, module.assigns)
        for fn in module.all_functions():
            scan(module, fn, {})
    return out


# -- the wrapped object ---------------------------------------------------------------------------


def _init_held(ref: ClassRef, attr: str) -> bool:
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


def _known_types(ctx: Ctx, ref: ClassRef, c: Collab) -> list[ClassRef]:
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


def _calls_on(ctx: Ctx, ref: ClassRef, attr: str) -> dict[str, str]:
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
        if c.container or not (c.from_param or c.instantiated) or not c.methods:
            continue
        if not _init_held(ref, c.attr):
            continue
        known = _known_types(ctx, ref, c)
        for base in bases:
            fam = _family(ctx, base)
            offered = set(ctx.all_methods(base))
            if known:
                same = any(t.key in fam for t in known)
            else:
                called = set(c.methods)
                # Duck typing by one shared method name (`send`, `close`) proves nothing. The
                # abstract methods count up the hierarchy (`CondimentDecorator(Beverage)`
                # redeclaring one, inheriting the abstract `cost`).
                abstract = set().union(*(a.cls.abstract_methods for a in [base, *ctx.ancestors(base)]))
                same = called <= offered and len(called & abstract) >= 2
            forwards = []
            for m in ref.cls.methods.values():
                if m.name.startswith("__") or m.name not in offered:
                    continue
                for call in m.calls:
                    if call.receiver == f"self.{c.attr}":
                        forwards.append((m, call.method))
            if forwards:
                out.append(Wrap(c, base, same, forwards, known))
                break
    return out


def inherited_wraps(ctx: Ctx, ref: ClassRef) -> list[tuple[ClassRef, Wrap, list[tuple[FunctionFacts, str]]]]:
    """Wraps a base class sets up that this subclass's own overrides forward through
    (`ConcreteDecoratorA(Decorator)` calling `self.component.operation()`)."""
    out = []
    for anc in ctx.ancestors(ref):
        for w in wraps(ctx, anc):
            receivers = _calls_on(ctx, anc, w.collab.attr)
            offered = set(ctx.all_methods(w.interface))
            forwards = [
                (m, call.method)
                for m in ref.cls.methods.values()
                if not m.name.startswith("__") and m.name in offered
                for call in m.calls
                if call.receiver in receivers
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
    return any(m.complexity > 1 and attr not in m.none_checks and not m.loops for m in same)


def getattr_target(cls_methods: dict[str, FunctionFacts]) -> str | None:
    """`__getattr__` forwarding every unknown attribute to a held object: its rendering."""
    ga = cls_methods.get("__getattr__")
    if ga is None:
        return None
    for c in ga.calls:
        if c.func == "getattr" and c.args[:1] and c.args[0].startswith(("attr:self.", "sub:self.__dict__")):
            return c.args[0]
    return None


def guards_access(cls_methods: dict[str, FunctionFacts]) -> bool:
    """A `__getattr__` that refuses some names, or assignment refused outright."""
    ga = cls_methods.get("__getattr__")
    if ga is not None and ga.raises and ga.complexity > 1:
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


# -- the classification ---------------------------------------------------------------------


def wrapper_roles(ctx: Ctx, pattern: str) -> dict[str, list[Role]]:
    """Class key -> its roles in ``pattern`` (adapter, decorator or proxy), workspace-wide."""
    return _all_wrapper_roles(ctx).get(pattern, {})


@per_workspace
def _all_wrapper_roles(ctx: Ctx) -> dict[str, dict[str, list[Role]]]:
    out: dict[str, dict[str, list[Role]]] = {"adapter": {}, "decorator": {}, "proxy": {}}
    refs = list(ctx.ws.all_classes())
    for ref in refs:
        _classify(ctx, ref, out)
    for ref in refs:  # subclasses of the wrappers found
        if not ref.cls.is_interface:
            _inherited(ctx, ref, out)
    return out


def _add(out: dict[str, list[Role]], ref: ClassRef, role: Role) -> None:
    got = out.setdefault(ref.key, [])
    if all(r.role != role.role for r in got):
        got.append(role)


def _emit(
    out: dict[str, list[Role]],
    wrapper: ClassRef,
    role: str,
    conf: float,
    evidence: list[Ev],
    others: list[tuple[ClassRef, str, str]],  # (class, role, evidence reason)
) -> None:
    parts: list[tuple[Target, str]] = [(wrapper, role), *((c, r) for c, r, _ in others)]
    _add(out, wrapper, Role(role, conf, evidence, parts))
    for c, r, why in others:
        if c.path.endswith(".pyi"):
            continue
        _add(out, c, Role(r, round(conf - 0.05, 2), [(c.cls.selection.line, why)], parts))


def _classify(ctx: Ctx, ref: ClassRef, out: dict[str, dict[str, list[Role]]]) -> None:
    if ref.cls.is_interface:
        return
    name = ref.cls.name
    for w in wraps(ctx, ref):
        same = [(m, n) for m, n in w.forwards if m.name == n]
        iface = w.interface
        if w.same_family and same:
            if not w.collab.from_param and not w.collab.instantiated:
                continue
            if is_uow(ctx, ref):
                continue  # a unit of work over a session answering commit/rollback: persistence
            m0 = same[0][0]
            if any(c.func.startswith("super()") for m, _ in same for c in m.calls):
                continue  # combines its own answer with the wrapped one's: neither stands in nor decorates
            siblings = [
                c
                for c in ctx.collabs(ref).values()
                if c.attr != w.collab.attr
                and (any(t.key in _family(ctx, iface) for t in c.types) or set(c.methods) & {n for _, n in same})
            ]
            if siblings:
                continue  # two or more parts of its own interface: a composite node
            if is_proxy_like(w):
                how = "creates" if w.collab.instantiated and not w.collab.from_param else "guards access to"
                real = [t for t in w.wrapped if t != iface and not t.cls.is_interface]
                _emit(
                    out["proxy"],
                    ref,
                    "proxy",
                    0.85,
                    [
                        (w.collab.line, f"{how} the real `{iface.cls.name}` in `self.{w.collab.attr}`"),
                        (m0.selection.line, f"`{m0.name}` forwards to it"),
                    ],
                    [(iface, "subject", f"the interface `{name}` stands in for")]
                    + [(t, "real_subject", f"the real object behind the proxy `{name}`") for t in real],
                )
                return
            if not w.collab.from_param:
                continue
            built_by_base = any(
                r == ref for mm in iface.cls.methods.values() for r in ctx.returned_classes(mm, iface.module)
            )
            if built_by_base:
                continue  # the component builds it (a combinator such as `~spec`), clients do not wrap
            # The component is the top of the hierarchy declaring what is forwarded; abstract
            # classes between it and the decorator (`CondimentDecorator`) are decorators too.
            names = {n for _, n in same}
            chain = [iface, *ctx.ancestors(iface)]
            top = next((a for a in reversed(chain) if names & set(a.cls.methods)), iface)
            middle = [a for a in chain[: chain.index(top)] if a.cls.is_interface] if top in chain else []
            _emit(
                out["decorator"],
                ref,
                "decorator",
                0.85,
                [
                    (w.collab.line, f"wraps a `{top.cls.name}` received in `self.{w.collab.attr}`"),
                    (m0.selection.line, f"`{m0.name}` forwards to the wrapped `{m0.name}` and adds behaviour"),
                ],
                [(top, "component", f"the interface the decorator `{name}` wraps and implements")]
                + [(a, "decorator", f"the abstract decorator `{name}` refines") for a in middle],
            )
            return
        if not w.same_family and _adapts(ctx, ref, w):
            renamed = [(m, n) for m, n in w.forwards if m.name != n]
            m, n = renamed[0]
            conf = 0.85 if iface.cls.is_interface else 0.75
            _emit(
                out["adapter"],
                ref,
                "adapter",
                conf,
                [(m.selection.line, f"`{m.name}` (from `{iface.cls.name}`) is served by `self.{w.collab.attr}.{n}`")],
                [(iface, "target", f"the interface the adapter `{name}` implements")]
                + [
                    (t, "adaptee", f"adapted by `{name}` to `{iface.cls.name}`")
                    for t in w.wrapped
                    if not t.cls.is_interface or not ctx.concrete(t)
                ],
            )
            return
    _class_adapter(ctx, ref, out["adapter"])
    _baseless(ctx, ref, out)
    _getattr_wrapper(ctx, ref, out)


def _adapts(ctx: Ctx, ref: ClassRef, w: Wrap) -> bool:
    """Translating: the wrapped object is of another, known interface and is the wrapper's one
    collaborator; each adapting method is short, loop-free and calls one differently named,
    public method on it."""
    if not w.wrapped:
        return False
    if any(is_repository(ctx, t) or is_uow(ctx, t) for t in [ref, *w.wrapped]):
        return False
    # Several implementations of the interface each calling a method of the same class are
    # commands over one receiver, not adapters of foreign classes.
    for sib in ctx.concrete(w.interface):
        if sib != ref and any(
            set(x.wrapped) & set(w.wrapped) and not x.same_family for x in wraps(ctx, sib) if x.interface == w.interface
        ):
            return False
    others = [c for c in ctx.collabs(ref).values() if c.attr != w.collab.attr and c.methods and not c.container]
    if others or any(c.container for c in ctx.collabs(ref).values()):
        return False
    per: dict[str, set[str]] = {}
    for m, n in w.forwards:
        per.setdefault(m.name, set()).add(n)
    by_name = {m.name: m for m, _ in w.forwards}
    good = [
        mn
        for mn, called in per.items()
        if len(called) == 1
        and mn not in called
        and not next(iter(called)).startswith("_")
        and by_name[mn].complexity <= 3
        and not by_name[mn].loops
    ]
    if not good or len(good) * 2 < len(per):
        return False
    # Last, as it asks the (workspace-wide) message analysis: a message handler turning a
    # message into a call (`uc.invoke(command)`) is not an adapter.
    return not handler_roles(ctx, ref)


def _inherited(ctx: Ctx, ref: ClassRef, out: dict[str, dict[str, list[Role]]]) -> None:
    """Subclasses of a decorator (or proxy) that override the forwarding themselves."""
    if any(ref.key in out[p] for p in ("decorator", "proxy")):
        return
    for anc, w, forwards in inherited_wraps(ctx, ref):
        same = [m for m, n in forwards if m.name == n]
        if not same:
            continue
        for pattern in ("decorator", "proxy"):
            roles = out[pattern].get(anc.key, [])
            if any(r.role == pattern for r in roles):
                _emit(
                    out[pattern],
                    ref,
                    pattern,
                    0.8,
                    [
                        (ref.cls.selection.line, f"a `{anc.cls.name}`: wraps a `{w.interface.cls.name}`"),
                        (same[0].selection.line, f"`{same[0].name}` forwards to the wrapped `{same[0].name}`"),
                    ],
                    [(w.interface, "component" if pattern == "decorator" else "subject", "the shared interface")],
                )
                return


def _class_adapter(ctx: Ctx, ref: ClassRef, out: dict[str, list[Role]]) -> None:
    """Adapter by multiple inheritance: a method of one base is served by a differently named
    method inherited from another base."""
    bases = [b for b in ctx.ws.bases(ref) if b.cls.methods]
    if len(bases) < 2:
        return
    # Two unrelated classes, and the adapter only serves the target's methods (mixins that
    # share a root and add behaviour of their own are a class hierarchy, not an adapter).
    roots = [{a.key for a in ctx.ancestors(b)} | {b.key} for b in bases]
    if any(roots[i] & roots[j] for i in range(len(roots)) for j in range(i + 1, len(roots))):
        return
    offered = set().union(*(set(ctx.all_methods(b)) for b in bases))
    if any(not n.startswith("_") and n not in offered for n in ref.cls.methods):
        return
    for target in bases:
        t_methods = set(ctx.all_methods(target))
        for adaptee in bases:
            if adaptee == target or adaptee in ctx.ancestors(target) or target in ctx.ancestors(adaptee):
                continue
            a_methods = set(ctx.all_methods(adaptee)) - t_methods
            for m in ref.cls.methods.values():
                if m.name.startswith("_") or m.name not in t_methods:
                    continue
                # The adaptee's own, inherited method: one the class defines itself, or only
                # declares abstractly, is not adapted (`update()` calling its own `display()`).
                adapted = {n for n in a_methods if n not in ref.cls.methods and not ctx.all_methods(adaptee)[n].is_stub}
                used = [c.method for c in m.calls if c.receiver == "self" and c.method in adapted]
                if used and m.complexity <= 3:
                    _emit(
                        out,
                        ref,
                        "adapter",
                        0.8,
                        [(m.selection.line, f"`{m.name}` of `{target.cls.name}` is served by inherited `{used[0]}`")],
                        [
                            (target, "target", f"the interface the adapter `{ref.cls.name}` implements"),
                            (adaptee, "adaptee", f"inherited and adapted by `{ref.cls.name}`"),
                        ],
                    )
                    return


def _baseless(ctx: Ctx, ref: ClassRef, out: dict[str, dict[str, list[Role]]]) -> None:
    """A wrapper with no base class: it mirrors the interface of the object it holds
    (decorator), or serves its every method by one differently named method of an object
    handed to it that lacks those names (adapter)."""
    if ref.key in out["adapter"] or ref.key in out["decorator"] or ref.key in out["proxy"]:
        return
    if ctx.ancestors(ref):
        return
    public = {n: m for n, m in ref.cls.methods.items() if not n.startswith("_") and m.kind == "method"}
    if not public:
        return
    collabs = [c for c in ctx.collabs(ref).values() if c.methods and not c.container]
    if _baseless_proxy(ctx, ref, public, collabs, out["proxy"]):
        return
    for c in collabs:
        # Handed to it, or created by it in the constructor (`self.car = RCCar()`: an adapter
        # may own its adaptee; a decorator never creates its component).
        created = not c.from_param and bool(c.instantiated) and len(c.types) == len(c.instantiated)
        if not (c.from_param or created) or not _init_held(ref, c.attr):
            continue
        known = _known_types(ctx, ref, c)
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
        for t in known:
            offered = set(ctx.all_methods(t))
            abstract = t.cls.abstract_methods or set(t.cls.public_methods)
            # Mirror of the wrapped interface: two or more of its methods re-exposed under
            # their own names, forwarding to it.
            # Two held objects answering the same forwarded calls (`self.left.eval()`,
            # `self.right.eval()`) make a composite node, not a decorator.
            twin = any(o is not c and set(mirrored) <= set(o.methods) for o in collabs)
            if (
                not created
                and not twin
                and len(mirrored) >= 2
                and set(mirrored) <= offered
                and len(set(mirrored) & abstract) >= 2
            ):
                if is_repository(ctx, ref) and not is_repository(ctx, t):
                    continue
                m0 = public[mirrored[0]]
                _emit(
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
            if len(called) == 1 and n not in called and public[n].complexity <= 3 and not public[n].loops
        ]
        adaptees = [t for t in known if not set(public) & set(ctx.all_methods(t))]
        if created and len({n for r in renamed for n in fwd[r]}) >= len(renamed):
            # Owning its adaptee, an adapter turns several requests of its own into fewer
            # operations of the adaptee (`move_forwards`/`stop` -> `change_speed`); one-to-one
            # renaming over an object it made is a client using a helper.
            continue
        if renamed and len(renamed) == len(public) and adaptees:
            m0 = public[renamed[0]]
            called0 = next(iter(fwd[renamed[0]]))
            _emit(
                out["adapter"],
                ref,
                "adapter",
                0.7,
                [(m0.selection.line, f"`{m0.name}` is served by `self.{c.attr}.{called0}`")],
                [(t, "adaptee", f"adapted by `{ref.cls.name}`") for t in adaptees],
            )
            return


def _baseless_proxy(
    ctx: Ctx, ref: ClassRef, public: dict[str, FunctionFacts], collabs: list[Collab], out: dict[str, list[Role]]
) -> bool:
    """A stand-in with no base class: it creates the real object itself (`self.car =
    Car(driver)`, or on first use), offers exactly that object's public methods, each
    forwarding to the same-named method, and creates it lazily or forwards under a check of
    its own (`if self.driver.age >= 16`)."""
    for c in collabs:
        if c.from_param or not c.instantiated or len(c.types) != 1:
            continue
        real = c.types[0]
        if real == ref or real.cls.is_interface:
            continue
        offered = {n for n, m in real.cls.methods.items() if not n.startswith("_") and m.kind == "method"}
        mirrored = [
            n for n, m in public.items() if any(x.receiver == f"self.{c.attr}" and x.method == n for x in m.calls)
        ]
        if not offered or set(mirrored) != set(public) or set(public) != offered:
            continue
        lazy = [
            m
            for n, m in public.items()
            if any(v.startswith("call:") for v in m.self_writes.get(c.attr, [])) and c.attr in m.self_reads
        ]
        guarded = [public[n] for n in mirrored if public[n].complexity > 1 and not public[n].loops]
        if not lazy and not guarded:
            continue
        m0 = (lazy or guarded)[0]
        how = "creates it on first use" if lazy else "forwards only after a check of its own"
        _emit(
            out,
            ref,
            "proxy",
            0.75,
            [
                (c.line, f"creates the real `{real.cls.name}` in `self.{c.attr}` and offers its methods"),
                (m0.selection.line, f"`{m0.name}` {how}"),
            ],
            [(real, "real_subject", f"the real object behind the proxy `{ref.cls.name}`")],
        )
        return True
    return False


def _getattr_wrapper(ctx: Ctx, ref: ClassRef, out: dict[str, dict[str, list[Role]]]) -> None:
    """`__getattr__` forwarding every unknown attribute to a held object: with some names or
    assignment refused, a protection proxy; with methods injected into the instance's
    `__dict__`, an adapter; with same-named methods overridden on top of the forwarding, a
    decorator. Forwarding alone is plain delegation."""
    if any(ref.key in out[p] for p in ("adapter", "decorator", "proxy")):
        return
    methods = ref.cls.methods
    target = getattr_target(methods)
    if target is None:
        return
    ga = methods["__getattr__"]
    held = target[5:].removeprefix("self.") if target.startswith("attr:") else ""
    init = methods.get("__init__")
    if not held and init is not None:
        # `getattr(self.__dict__['file'], name)`: the one object the constructor was given.
        given = [a for a, vs in init.self_writes.items() if any(v.startswith("param:") for v in vs)]
        held = given[0] if len(given) == 1 else ""
    if guards_access(methods):
        _emit(
            out["proxy"],
            ref,
            "proxy",
            0.8,
            [(ga.selection.line, f"`__getattr__` forwards to `{target[5:]}` but refuses some access")],
            [],
        )
        return
    if init is not None and any(
        c.func == "self.__dict__.update" and any(a.startswith("param:") for a in c.args) for c in init.calls
    ):
        _emit(
            out["adapter"],
            ref,
            "adapter",
            0.75,
            [
                (init.selection.line, "installs the adapted methods it is given on the instance"),
                (ga.selection.line, f"`__getattr__` forwards the rest to `{target[5:]}`"),
            ],
            [],
        )
        return
    if held:
        over = [
            m
            for n, m in methods.items()
            if not n.startswith("__") and any(c.receiver == f"self.{held}" and c.method == n for c in m.calls)
        ]
        if over:
            _emit(
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
    if "call:getattr" in ga.returns and ga.complexity == 1:
        # Every attribute passed straight through: a stand-in, but nothing shows it controls
        # access, so it is reported at the lowest confidence shown.
        _emit(
            out["proxy"],
            ref,
            "proxy",
            0.5,
            [(ga.selection.line, f"`__getattr__` passes every attribute through to `{target[5:]}`")],
            [],
        )


def emit(ctx: Ctx, pattern: str) -> Iterator[Detection]:
    """The detections of ``pattern`` for the classes of the module being analysed."""
    roles = wrapper_roles(ctx, pattern)
    for ref in ctx.classes():
        for r in roles.get(ref.key, []):
            yield ctx.det(ref, pattern, r.role, r.confidence, r.evidence, r.participants)
