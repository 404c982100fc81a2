"""Which wrappers are adapters, decorators or proxies, workspace-wide (see ``_wrapping`` for
what a wrapper holds and forwards)."""

from __future__ import annotations

from collections.abc import Iterator

from agentls.patterns.context import Ctx, per_workspace
from agentls.patterns.detectors._abstract_decorators import abstract_wrap
from agentls.patterns.detectors._adapter_forms import (
    adaptees,
    translates_enough,
)
from agentls.patterns.detectors._adapter_roles import adapts, class_adapter, port_over_service
from agentls.patterns.detectors._proxy_forms import (
    adds_around,
    checked_by_own,
    list_tree_node,
    made_link,
    tree_node,
    typed_as_one,
)
from agentls.patterns.detectors._shared import is_uow
from agentls.patterns.detectors._wrapper_forms import baseless, getattr_wrapper, sole_offerer
from agentls.patterns.detectors._wrapping import (
    Role,
    calls_on,
    ctx_args_for,
    emit_roles,
    family,
    inherited_wraps,
    is_proxy_like,
    wraps,
)
from agentls.patterns.facts import FunctionFacts
from agentls.patterns.model import Detection
from agentls.patterns.workspace import ClassRef


def _typed_outside(ctx: Ctx, ref: ClassRef, attr: str) -> bool:
    """The constructor parameter kept in ``self.<attr>`` is annotated with a type the program
    does not define (`connection: AsyncSession`): the object is a library's, not one of the
    program's implementations of the interface, whatever methods it shares with it."""
    init = ref.cls.methods.get("__init__")
    if init is None:
        return False
    given = {v[6:] for v in init.self_writes.get(attr, []) if v.startswith("param:")}
    return any(
        p.name in given
        and p.annotation not in (None, "object", "Any", "typing.Any")
        and not ctx.annotation_refs(p.annotation, ref.module)
        for p in init.params
    )


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
                and (any(t.key in family(ctx, iface) for t in c.types) or set(c.methods) & {n for _, n in same})
            ]
            if siblings or tree_node(ctx, ref, iface):
                continue  # two or more parts of its own interface, or a sibling with them: a tree node
            # A stand-in works only through its subject: one that also drives other objects it
            # holds (a capture writing to its temporary file, a router asking its router) does
            # its own work with a helper.
            helpers = [
                c for c in ctx.collabs(ref).values() if c.attr != w.collab.attr and c.methods and not c.container
            ]
            one = typed_as_one(ctx, ref, w.collab, iface)
            if (one or _typed_outside(ctx, ref, w.collab.attr)) and not adds_around(w.collab, [m for m, _ in same]):
                # passes each call on unchanged to one class, or to a library object its
                # constructor declares (`connection: AsyncSession`): plain delegation
                continue
            # (`helpers` asked first, the cheapest: the tests it guards have no side effects)
            if not helpers and (is_proxy_like(w) or one or checked_by_own(ref, [m for m, _ in same])):
                if list_tree_node(ctx, ref, iface):
                    continue  # branches before asking the child it was handed, in a tree of lists
                if made_link(ctx, ref, w, iface):
                    continue  # makes the next of a chain of handlers, or is made by one
                how = "creates" if w.collab.instantiated and not w.collab.from_param else "guards access to"
                real = [t for t in w.wrapped if t != iface and not t.cls.is_interface]
                if not real and w.collab.from_param:
                    # held as the interface: the implementations the program hands its constructor
                    kin = family(ctx, iface)
                    real = [t for t in ctx_args_for(ctx, ref) if t.key in kin and t != ref and not t.cls.is_interface]
                emit_roles(
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
            if any(
                m.returns and all(v in ("tuple", "list") for v in m.returns) and w.collab.attr in m.self_reads
                for m in ref.cls.methods.values()
            ):
                continue  # hands the held object out as its child (`each_child`): a tree node
            built_by_base = any(
                r == ref for mm in iface.cls.methods.values() for r in ctx.returned_classes(mm, iface.module)
            )
            if built_by_base:
                continue  # the component builds it (a combinator such as `~spec`), clients do not wrap
            # Abstract classes between the component and the decorator (`CondimentDecorator`)
            # are decorators too.
            chain = [iface, *ctx.ancestors(iface)]
            top = component(ctx, chain, {n for _, n in same})
            middle = [a for a in chain[: chain.index(top)] if a.cls.is_interface] if top in chain else []
            # ... and so are those between the decorator and the interface it wraps, when that
            # is further up than the nearest base (`Mocha(CondimentDecorator(Beverage))`).
            middle += [
                a for a in ctx.ancestors(ref) if a not in chain and a.cls.is_interface and top in ctx.ancestors(a)
            ]
            # A marker base between the component and its decorators (`class Extra(Drink):
            # pass`) is the abstract decorator too, when every class under it is a wrapper.
            for a in ctx.ancestors(ref):
                if (
                    a not in middle
                    and a != top
                    and top in ctx.ancestors(a)
                    and not a.cls.methods
                    and all(wraps(ctx, d) for d in ctx.descendants(a))
                ):
                    middle.append(a)
            emit_roles(
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
        # Untyped: the one concrete class nearby answering what it calls and none of the
        # interface's methods it translates (`TurkeyAdapter(Duck)` handed a turkey: `gobble`,
        # `fly`). Guessed so, it must translate two or more of the interface's methods, or
        # serve every abstract one (one `execute` calling a receiver is a command; one `draw`
        # over an API is a bridge).
        if (
            not w.same_family
            and not w.wrapped
            and w.collab.from_param
            and not w.collab.types
            and translates_enough(w)
            # handing the calls what it stored itself (`deposit(self.amount)`) is a command's
            # captured request, not a translation of the caller's
            and not any(a.startswith("attr:self.") for m, _ in w.forwards for c in m.calls for a in c.args)
            # other implementations each driving an object they are handed: a family of
            # commands over receivers (`execute`/`undo`), not one adapter
            and not any(
                s != ref and any(c.from_param and c.methods and not c.container for c in ctx.collabs(s).values())
                for s in ctx.concrete(iface)
            )
        ):
            passed = {n for m, n in w.forwards if m.name == n}  # forwarded as it came (`fly`)
            w.wrapped = sole_offerer(ctx, ref, w.collab, set(ctx.all_methods(iface)) - passed)
        if port_over_service(ctx, ref, w, out["adapter"]):
            return
        if not w.same_family and adapts(ctx, ref, w):
            # renamed, or else served by a same-named method taking other parameters
            renamed = [(m, n) for m, n in w.forwards if m.name != n] or w.forwards
            m, n = renamed[0]
            conf = 0.85 if iface.cls.is_interface else 0.75
            emit_roles(
                out["adapter"],
                ref,
                "adapter",
                conf,
                [(m.selection.line, f"`{m.name}` (from `{iface.cls.name}`) is served by `self.{w.collab.attr}.{n}`")],
                [(iface, "target", f"the interface the adapter `{name}` implements")]
                + [(t, "adaptee", f"adapted by `{name}` to `{iface.cls.name}`") for t in adaptees(ctx, w)],
            )
            return
    class_adapter(ctx, ref, out["adapter"])
    baseless(ctx, ref, out)
    getattr_wrapper(ctx, ref, out)


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
                emit_roles(
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
    _under_abstract_decorator(ctx, ref, out["decorator"])


def component(ctx: Ctx, chain: list[ClassRef], names: set[str]) -> ClassRef:
    """The component of a decorator implementing ``chain[0]``: the top of the hierarchy
    offering every method forwarded (what the wrapped object must be: `Quackable` with
    `quack`, not the `QuackObservable` above it declaring only `registerObserver`), else the
    top declaring any of them."""
    declaring = next((a for a in reversed(chain) if names & set(a.cls.methods)), chain[0])
    return next((a for a in reversed(chain) if names <= set(ctx.all_methods(a))), declaring)


def _under_abstract_decorator(ctx: Ctx, ref: ClassRef, out: dict[str, list[Role]]) -> None:
    """A subclass of an abstract decorator (`abstract_wrap`) whose methods forward, unbranched,
    to the same-named methods of the object its base keeps: a decorator; its base is the
    abstract decorator, the interface above it the component."""
    for anc in ctx.ancestors(ref):
        found = abstract_wrap(ctx, anc)
        if found is None:
            continue
        attr, top = found
        offered = set(ctx.all_methods(top))
        receivers = calls_on(ctx, anc, attr)
        same = [
            m
            for n, m in ref.cls.methods.items()
            if n in offered
            and not n.startswith("_")
            and any(c.receiver in receivers and c.method == n for c in m.calls)
        ]
        branched = [m for m in same if m.complexity > 1]
        if not same or (branched and (_optional(anc, attr) or not all(_forwards_last(m, receivers) for m in branched))):
            continue
        emit_roles(
            out,
            ref,
            "decorator",
            0.8,
            [
                (ref.cls.selection.line, f"a `{anc.cls.name}`: wraps the `{top.cls.name}` it is handed"),
                (
                    same[0].selection.line,
                    f"`{same[0].name}` forwards to the wrapped `{same[0].name}` and adds behaviour",
                ),
            ],
            [(top, "component", f"the interface the decorator `{ref.cls.name}` wraps and implements")]
            + ([(anc, "decorator", f"the abstract decorator `{ref.cls.name}` refines")] if anc != top else []),
        )
        return


def _forwards_last(m: FunctionFacts, receivers: dict[str, str]) -> bool:
    """A branching override that still forwards on every path: the call to the wrapped
    namesake is its last line, its one return, with nothing raised and the wrapped object never
    checked for `None` (Head First's sized `Mocha.cost()` picking its price by
    `self.beverage.get_size()`, then `return self.beverage.cost() + price`). A proxy forwards
    only under its condition, or makes the object first; so does a chain's handler passing the
    request on to its successor when there is one (`if self._next: self._next.process(r)`)."""
    if len(m.returns) != 1 or m.raises or any(r in m.none_checks for r in receivers):
        return False
    end = m.range.end_line
    return any(c.line == end and c.receiver in receivers and c.method == m.name for c in m.calls)


def _optional(anc: ClassRef, attr: str) -> bool:
    """The base's constructor may be handed no object to keep (`next_processor=None`): a
    chain's optional successor, which its handlers test before passing a request on."""
    init = anc.cls.methods.get("__init__")
    if init is None:
        return False
    params = [init.param(v[6:]) for v in init.self_writes.get(attr, []) if v.startswith("param:")]
    return any(p is not None and p.has_default for p in params)


def emit(ctx: Ctx, pattern: str) -> Iterator[Detection]:
    """The detections of ``pattern`` for the classes of the module being analysed."""
    roles = wrapper_roles(ctx, pattern)
    for ref in ctx.classes():
        for r in roles.get(ref.key, []):
            yield ctx.det(ref, pattern, r.role, r.confidence, r.evidence, r.participants)
