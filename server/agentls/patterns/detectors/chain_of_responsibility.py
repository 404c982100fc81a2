from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.detectors._chain_created import created_links
from agentls.patterns.detectors._chain_ends import ended, last_link
from agentls.patterns.detectors._chain_peers import wired_peer
from agentls.patterns.detectors._chain_runners import given, runner_chains
from agentls.patterns.facts import FunctionFacts
from agentls.patterns.model import Detection
from agentls.patterns.workspace import ClassRef

_UNTYPED = frozenset({"Any", "object", "Self"})


def _foreign(ctx: Ctx, ref: ClassRef, attr: str) -> bool:
    """The attribute is annotated (on the class or the constructor's parameter it is set
    from) only with types from outside the program (`stream: TextIO | None`): an output a
    writer forwards to, not a successor of its own kind."""
    anns = [ref.cls.fields.get(attr) or ""]
    init = ref.cls.methods.get("__init__")
    if init is not None:
        for v in init.self_writes.get(attr, []):
            p = init.param(v[6:]) if v.startswith("param:") else None
            anns.append((p.annotation or "") if p is not None else "")
    anns = [a for a in anns if a]
    if not anns:
        return False
    # its own base, even one from a library (`next: logging.Handler | None`), is its kind
    own = _UNTYPED | {b.rpartition(".")[2] for b in ref.cls.bases}
    for a in anns:
        words = {w.rpartition(".")[2] for w in re.findall(r"[A-Za-z_][\w.]*", a)}
        if words & own or ctx.annotation_refs(a, ref.module):
            return False
    return True


def _constructor(ctx: Ctx, ref: ClassRef) -> FunctionFacts | None:
    """The `__init__` that runs for the class: its own, or the nearest ancestor's. Handlers
    usually inherit the successor from the base's constructor (`__init__(self, next=None)`)
    and only override the handling method."""
    for r in (ref, *ctx.ancestors(ref)):
        init = r.cls.methods.get("__init__")
        if init is not None:
            return init
    return None


def _helper_hits(ctx: Ctx, ref: ClassRef, attr: str) -> list[tuple[bool, str, str, int]]:
    """A base's helper passing the request it was given on to the successor's handling method
    behind a decision (`def next(self, cmd): if self.next: self.next.execute(cmd)`), called by
    the subclasses' overrides of that method (`execute` ending in `self.next(cmd)`)."""
    out: list[tuple[bool, str, str, int]] = []
    for h in ref.cls.methods.values():
        if h.name.startswith("__") or h.complexity < 2 or not all(v == "none" for v in h.returns):
            continue
        for c in h.calls:
            method = c.method
            if c.receiver != f"self.{attr}" or method == h.name or method not in ref.cls.methods:
                continue
            if not set(c.args) & given(h):
                continue
            if any(h.name in d.cls.methods[method].self_calls for d in ctx.descendants(ref) if method in d.cls.methods):
                out.append((True, attr, method, h.selection.line))
    return out


def _stub_base(ref: ClassRef, method: str | None) -> bool:
    """A plain base declaring what its handlers answer as a stub (`def handle_request(self,
    request): pass`), ``method`` or (None) any of its public methods, beside the successor it
    keeps (`self._successor = successor`): the handler interface written as a class with state,
    which is then no interface by declaration."""
    stubs = [n for n, m in ref.cls.methods.items() if m.is_stub and not n.startswith("_")]
    return bool(stubs) and (method is None or method in stubs)


def _remainder(m: FunctionFacts, args: tuple[str, ...]) -> bool:
    """Given a request, passes on what remains of it: one value worked out there, a local or an
    expression (`rest = amount % 50; self._next.pay(rest)`), not a call's answer or a field."""
    return bool(m.params) and len(args) == 1 and (args[0] == "other" or args[0].startswith("name:"))


def _dispatches_by_name(m: FunctionFacts) -> bool:
    """Finds its handling by name on itself (`getattr(self, f"handle_{event}")`,
    `hasattr(self, "handle_default")`): each subclass handles the requests it has methods for."""
    return any(c.func in ("getattr", "hasattr") and c.args[:1] == ("self",) for c in m.calls)


@register
class ChainOfResponsibility(Detector):
    """Passes a request along a chain of handlers; each either handles it or hands it to the
    next, so the sender does not know which object will respond. Handlers can be added and
    reordered freely; a request may fall off the end unhandled, and long chains are hard to
    debug.

    ## Roles
    - `handler`: declares handling and holds the optional successor.
    - `concrete_handler`: decides whether to handle or pass on.

    ## How it is detected
    A class with an attribute holding another handler of its own hierarchy that may be absent
    (defaults to `None` in its constructor or the one it inherits, is checked for `None`, or
    is set by a method such as `set_next`), and a
    method that, behind a decision, returns the result of the *same* method on that successor
    (handle here or pass on; a part's result used inside a computation is composition), or a
    helper of the base passing the request it was given on to the successor's method behind a
    decision, which the subclasses' overrides of that method call (`self.next(command)`), where
    handlers come in kinds (the
    method is overridden by subclasses or declared by a base, or two or more subclasses
    answer by name what the base looks up on itself: `getattr(self, f"handle_{event}")`) or
    are linked by a setter. A linked list's recursive search is not a chain, nor is a node
    holding two or more children of its own kind (a tree), nor a writer forwarding to an
    attribute annotated only with types from outside the program (`stream: TextIO | None`), nor
    a method that drops what it passed the call on to (`self._conn.close(); self._conn = None`:
    a wrapper releasing a resource it holds). Subclasses
    overriding the method (or defining what the base looks up) are concrete handlers. A plain
    base keeping the successor and declaring the method as a stub (`def handle_request(self,
    request): pass`) is the handler interface written as a class with state: it is the
    `handler` and the links passing on below it are `concrete_handler`s.

    A successor each link requires (a constructor parameter with no default, never checked:
    `Clerk(Manager(Refuse()))`) counts too when the chain has an end: two or more
    implementations of an interface declaring the method, written in one module and deriving
    from no link, pass it on so, and another there answers it keeping no successor. An
    implementation answering, without passing it on, the request that a link written beside
    it passes to one of the interface's kind (or to an untyped object) is the chain's end, a
    concrete handler too (0.7). One class passing the call on to a sibling answering it itself
    is a proxy before its real subject, and wrappers spread over a library's modules, no chain.

    A chain kept as a list: a class outside an interface's hierarchy that appends the
    handlers it is handed to a list and hands the request it was given to each in turn
    through the method the interface declares abstract (middleware run in order); the
    interface is the `handler`, its two or more implementations `concrete_handler`s (0.7).
    What is appended must be known to be of that interface: annotated so, or, untyped, the
    interface is the only one near the runner (its module or one importing or imported by
    it) declaring the method; with none such, the only one in the runner's script folder (no
    `__init__.py`: one class per file, bare sibling imports), or the only one there whose
    implementations are made by code that also makes the runner (`main.py` building it).
    Implementations that answer by calling back the object they are handed with themselves
    (`visitor.visit_a(self)`) are a Visitor's elements, and the runner its object structure.

    With no interface written at all (duck typing), the handlers are implied by what the
    program hands over. An untyped list's members are `concrete_handler`s when the program
    hands the runner's adding method (outside tests) objects of two or more classes defining
    the method it calls, none of the runner's own kind and sharing no base defining it
    (`pipeline.register(StripSpaces())`, or a local made before it). A link passing the
    request on with no base declaring the method is a `concrete_handler` rather than a
    `handler` when code makes it beside a link of another class passing the same method on
    and calls a successor setter of one of them (`self.first.then(self.second)`); and links
    that, behind a decision, make an object of another class and hand it the request under
    the same name, that class doing the same in turn (`return Large().route(size)` and back),
    are `concrete_handler`s (0.7). A method name shared with nothing handed or linked, or a
    helper made and asked once, stays insufficient.
    """

    id = "chain_of_responsibility"
    category = "behavioural"
    roles: ClassVar[dict[str, str]] = {
        "handler": "holds the successor and passes requests on",
        "concrete_handler": "handles or passes on",
    }

    def _chain(self, ctx: Ctx, ref: ClassRef) -> tuple[str, str, int] | None:
        key = ("chain", ref.key)
        if key not in ctx._cache:
            ctx._cache[key] = self._compute_chain(ctx, ref)
        return ctx._cache[key]  # type: ignore[no-any-return]

    def _compute_chain(self, ctx: Ctx, ref: ClassRef) -> tuple[str, str, int] | None:
        methods = ref.cls.methods
        candidates = [
            c
            for c in ctx.collabs(ref).values()
            if not c.container
            and c.attr not in methods  # a computed property is not a successor link
            and any(n in methods and not n.startswith("__") for n in c.methods)
        ]
        if not candidates:
            return None  # cheap exit: no same-named forwarding to a held object
        family = {ref.key, *(a.key for a in ctx.ancestors(ref))}
        # Several attributes of its own kind (`test`, `expr1`, `expr2` of a conditional
        # expression): a node of a tree evaluating one child or another, not a link with a
        # successor.
        kin = [c for c in ctx.collabs(ref).values() if not c.container and any(t.key in family for t in c.types)]
        if len(kin) >= 2:
            return None
        for c in candidates:
            typed_ok = not c.types or any(
                t.key in family or ref.key in {a.key for a in ctx.ancestors(t)} for t in c.types
            )
            if not typed_ok or _foreign(ctx, ref, c.attr):
                continue
            optional = any(f"self.{c.attr}" in m.none_checks for m in ref.cls.methods.values())
            setter = any(
                c.attr in m.self_writes
                and m.name != "__init__"
                and any(v.startswith("param:") for v in m.self_writes[c.attr])
                for m in ref.cls.methods.values()
            )
            init = _constructor(ctx, ref)
            if init is not None:
                for v in init.self_writes.get(c.attr, []):
                    p = init.param(v[6:]) if v.startswith("param:") else None
                    optional = optional or v == "none" or (p is not None and p.has_default)
            # A required successor: a chain all the same when the chain has an end (`_chain_ends.ended`).
            ends = not (optional or setter) and any(ended(ctx, ref, n) for n in c.methods)
            if not (optional or setter or ends):
                continue
            sources = [v for m in ref.cls.methods.values() for v in m.self_writes.get(c.attr, [])]
            if init is not None and init is not ref.cls.methods.get("__init__"):
                sources += init.self_writes.get(c.attr, [])
            if any(v != "none" and not v.startswith("param:") for v in sources):
                continue  # the successor is built internally: a helper object, not a chain link
            hits: list[tuple[bool, str, str, int]] = []
            for m in ref.cls.methods.values():
                if c.methods.get(m.name) is None or m.name.startswith("__"):
                    continue
                # Passing on means answering with the successor's answer, behind a decision
                # (handle here, or pass on); using a part's result inside a computation, or
                # closing a wrapped object unconditionally, is composition.
                answers = f"call:self.{c.attr}.{m.name}" in m.returns
                # ... or, for a handler that acts and answers nothing, passing the request it
                # was given on to the successor.
                # (A request without arguments, `handle()`, passes on as it came.)
                acts = all(v == "none" for v in m.returns) and any(
                    c2.receiver == f"self.{c.attr}"
                    and c2.method == m.name
                    and (set(c2.args) & given(m) or not (m.params or c2.args) or _remainder(m, c2.args))
                    for c2 in m.calls
                )
                if not (answers or acts) or m.complexity < 2:
                    continue
                # Dropping the successor once it is reached (`self._conn.close(); self._conn =
                # None`) releases a resource it holds: a handler keeps its link for the next request.
                if "none" in m.self_writes.get(c.attr, []):
                    continue
                # A linked list's recursive search has the same shape; handlers come in kinds:
                # overridden in subclasses, declared by an interface, or chained by a setter.
                overridden = any(m.name in d.cls.methods for d in ctx.descendants(ref))
                declared = any(m.name in a.cls.methods for a in ctx.ancestors(ref))
                stepped = any(
                    n in d.cls.methods for n in m.self_calls & ref.cls.abstract_methods for d in ctx.descendants(ref)
                )
                # Subclasses answering by name what the base finds on itself (`handle_paint`).
                named = _dispatches_by_name(m) and len(ctx.descendants(ref)) >= 2
                if overridden or declared or setter or stepped or named:
                    hits.append((overridden, c.attr, m.name, m.selection.line))
            hits += _helper_hits(ctx, ref, c.attr)
            # The request the subclasses handle, rather than the link's own recursive
            # `add_modifier` walking to the end of the chain.
            if hits:
                best = max(hits, key=lambda h: h[0])
                return best[1], best[2], best[3]
        return None

    def _links(self, ctx: Ctx, method: str) -> list[tuple[ClassRef, str]]:
        """The classes passing ``method`` on to a successor, with the successor's attribute."""
        key = ("chain links", method)
        hit = ctx._cache.get(key)
        if hit is not None:
            return hit  # type: ignore[no-any-return]
        out: list[tuple[ClassRef, str]] = []
        for r in ctx.ws.all_classes():
            found = self._chain(ctx, r)
            if found and found[1] == method:
                out.append((r, found[0]))
        ctx._cache[key] = out
        return out

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        created = created_links(ctx)
        created_ifaces = {iface.key: (iface, name) for k, (name, iface, _) in created.items() if iface.key != k}
        for ref in ctx.classes():
            found = self._chain(ctx, ref)
            if found:
                attr, method, line = found
                subs = [d for d in ctx.descendants(ref) if method in d.cls.methods]
                declared = any(method in a.cls.methods for a in ctx.interface_ancestors(ref)) or any(
                    _stub_base(a, method) for a in ctx.ancestors(ref)
                )
                # a base outside what the workspace resolves is the interface it implements
                external = len(ctx.ancestors(ref)) < len([b for b in ref.cls.bases if b not in ("object", "ABC")])
                ev = [(line, f"`{method}` passes the request on to `self.{attr}.{method}`")]
                # No interface written (duck typing): links of other classes the program wires
                # to it make it one of an implied interface's concrete handlers.
                wired = None
                if not (declared or external or ctx.descendants(ref)):
                    wired = wired_peer(ctx, ref, attr, self._links(ctx, method))
                    ev += [(line, f"no handler interface is written: {wired}")] if wired else []
                concrete = (declared or external or wired is not None) and not ctx.descendants(ref)
                yield ctx.det(
                    ref,
                    self.id,
                    "concrete_handler" if concrete else "handler",
                    0.85,
                    ev,
                    [(s, "concrete_handler") for s in subs],
                )
                continue
            if ref.key in created:
                method, iface, line = created[ref.key]
                if iface == ref:  # duck typing: no handler interface written
                    what = "no handler interface is written: it makes another link and hands it the request"
                    yield ctx.det(ref, self.id, "concrete_handler", 0.7, [(line, f"`{method}`: {what}")])
                    continue
                yield ctx.det(
                    ref,
                    self.id,
                    "concrete_handler",
                    0.75,
                    [(line, f"`{method}` hands the request on to another `{iface.cls.name}` it makes")],
                    [(iface, "handler")],
                )
                continue
            if ref.key in created_ifaces:
                iface, method = created_ifaces[ref.key]
                yield ctx.det(
                    ref,
                    self.id,
                    "handler",
                    0.75,
                    [(ref.cls.methods[method].selection.line, f"declares `{method}` for the handlers of the chain")],
                )
                continue
            done = False
            for d in ctx.descendants(ref):
                # an interface above a handler, declaring the method it passes on
                found = self._chain(ctx, d) if ref.cls.is_interface or _stub_base(ref, None) else None
                if found and found[1] in ref.cls.methods and ref.cls.methods[found[1]].is_stub:
                    m = ref.cls.methods[found[1]]
                    yield ctx.det(
                        ref,
                        self.id,
                        "handler",
                        0.8,
                        [(m.selection.line, f"declares `{m.name}`, which `{d.cls.name}` passes along the chain")],
                        [(d, "handler")],
                    )
                    done = True
                    break
            if done:
                continue
            runner = runner_chains(ctx).get(ref.key)
            if runner is not None:
                iface, method, by, line, site = runner
                if site is not None:  # duck typing: no interface, the members handed to the runner
                    where = f" ({site.module.path}:{site.line + 1})" if site.module is not ref.module else ""
                    ev = [
                        (
                            ref.cls.selection.line,
                            f"no handler interface is written: `{by.cls.name}` hands the request to each member in turn"
                            f" through `{method}`",
                        ),
                        (site.line if not where else ref.cls.selection.line, f"{site.how}{where}"),
                    ]
                    yield ctx.det(ref, self.id, "concrete_handler", 0.7, ev)
                    continue
                role = "handler" if ref == iface else "concrete_handler"
                ev = [
                    (line, f"`{by.cls.name}` hands the request to each `{iface.cls.name}` in turn through `{method}`")
                ]
                yield ctx.det(ref, self.id, role, 0.7, ev, [(iface, "handler")] if ref != iface else [])
                continue
            for anc in ctx.ancestors(ref):
                found = self._chain(ctx, anc)
                if not found:
                    continue
                method = found[1]
                handle = anc.cls.methods.get(method)
                # the steps the passing method asks of its subclasses (`check_range`)
                steps = {n for n in (handle.self_calls if handle else set()) if n in anc.cls.abstract_methods}
                own = [n for n in [method, *sorted(steps)] if n in ref.cls.methods]
                if not own and handle is not None and _dispatches_by_name(handle):
                    own = [n for n in ref.cls.methods if not n.startswith("_")][:1]
                if own:
                    m = ref.cls.methods[own[0]]
                    what = "handles the request or passes it on" if own[0] == method else "decides whether to handle"
                    yield ctx.det(
                        ref,
                        self.id,
                        "concrete_handler",
                        0.8,
                        [(m.selection.line, f"overrides `{m.name}`: {what}")],
                        [(anc, "handler")],
                    )
                    break
            else:
                end = last_link(ctx, ref, self._chain)
                if end is not None:
                    iface, link, method = end
                    m = ref.cls.methods[method]
                    what = f"answers `{method}` without passing it on: the end of `{link.cls.name}`'s chain"
                    yield ctx.det(
                        ref,
                        self.id,
                        "concrete_handler",
                        0.7,
                        [(m.selection.line, what)],
                        [(iface, "handler"), (link, "concrete_handler")],
                    )
