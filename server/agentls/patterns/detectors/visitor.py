from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx, per_workspace
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.detectors._basics import structural
from agentls.patterns.detectors._shared import is_test_file
from agentls.patterns.facts import FunctionFacts
from agentls.patterns.model import Detection
from agentls.patterns.workspace import ClassRef

# (elements by key: accept, visit, every element; the visit names; accept -> its visit names;
# the visit names of a single-visit accept; the accept names; element interfaces and visitor
# interfaces by key)
_Plan = tuple[
    dict[str, tuple[str, str, dict[str, ClassRef]]],
    set[str],
    dict[str, set[str]],
    set[str],
    set[str],
    dict[str, ClassRef],
    dict[str, ClassRef],
]


def _handed(handlers: list[FunctionFacts]) -> bool:
    """Most handlers take the element they are dispatched for (`visit_Name(self, node)`);
    handlers taking nothing read their input from the dispatcher's own state (a parser's
    `parse_for(self)` picked by the keyword it reads): a dispatch table, not a visitor."""
    required = [h for h in handlers if any(not p.has_default for p in h.params)]
    return len(required) * 2 >= len(handlers)


def _answered_back(
    groups: dict[str, dict[str, tuple[ClassRef, str]]], members: dict[str, tuple[ClassRef, str]], visit: str
) -> bool:
    """The classes answering ``visit`` call the elements back, two or more of them each with
    a different method the elements define: one operation per visitor class."""
    back = groups.get(visit, {})
    called = {m for _, m in back.values()}
    if len(back) < 2 or len(called) < 2 or not members:
        return False  # (before the intersection: `set.intersection()` of no sets raises)
    return called <= set.intersection(*(set(r.cls.methods) for r, _ in members.values()))


@register
class Visitor(Detector):
    """Separates an operation from the object structure it works on: each element accepts a
    visitor and calls back the visitor's method for its own type (double dispatch), so new
    operations are new visitor classes and the elements stay unchanged. Adding a new element
    type, however, means touching every visitor.

    ## Roles
    - `element`: accepts a visitor and calls back the method for its type.
    - `visitor`: declares (or dispatches to) one method per element type.
    - `concrete_visitor`: one operation over the structure.

    ## How it is detected
    - Double dispatch: two or more classes have a same-named method that calls a method on
      its argument passing `self`, each calling a different method; classes defining those
      methods are visitors: `visitor` when an interface, or a base whose visit methods are
      all empty and which others implement; `concrete_visitor` otherwise. The elements'
      interface is the base declaring that method, or a Protocol of an element's module
      declaring only it (elements offering more of their own satisfy it without naming it).
    - One `visit` for every element (`accept` calling `visitor.visit(self)` in two or more
      classes) is double dispatch when the elements declare `accept` in an interface (a stub,
      or abstract with the call-back as its default body) and the visitors `visit` in another
      (implemented by a subclass, or a Protocol a class implements without naming it: one per
      element, `CircleVisitor` with `visit(self, shape: Circle)`), or when a visitor's `visit`
      picks the type itself (methods registered per type by a decorator, `@visitor(Add)` /
      `@visit.register`, or a `singledispatchmethod` of its own it hands the element to) or
      walks back through the elements (`node.left.accept(self)`). When the visitor picks
      the type itself, the subclasses inheriting the one `accept` (`Num(Node)` under
      `Node.accept`) are elements too: they are the types it dispatches on.
    - One `visit` answered by two or more visitor classes each calling the element back with
      a different method of its own (`Electrician.visit(house)` calling
      `house.work_on_wiring(self)`) is double dispatch too, even over one element class.
    - Visitors calling the element back with themselves (`Bee.visit(flower)` calling
      `flower.pollinate(self)`) are not more elements: a method that the elements call back
      on the visitors, and that does not call their accept method in turn, is the visitors'.
    - Reflective dispatch: a method looks up `getattr(self, "prefix" + kind)`, where the kind
      comes from its argument (`type(node).__name__`, `node.__visit_name__`), and the class
      (or its subclasses) defines two or more methods with that prefix, most of them taking
      the element (handlers taking nothing, a parser's `parse_for(self)` chosen by the
      keyword it reads, make a dispatch table). Looking up a bare name
      (`getattr(self, f"_memo_{key}")`, memoisation) or asking another object
      (`getattr(node, "as_" + vendor)`) is not a visitor.
    """

    id = "visitor"
    category = "behavioural"
    roles: ClassVar[dict[str, str]] = {
        "element": "accepts visitors",
        "visitor": "one method per element type",
        "concrete_visitor": "one operation",
    }

    def _elements(self, ctx: Ctx) -> dict[str, tuple[str, str, dict[str, ClassRef]]]:
        """element key -> (accept method, visit method called, all elements of that accept)."""
        key = "elements"
        if key in ctx._cache:
            return ctx._cache[key]  # type: ignore[no-any-return]
        groups: dict[str, dict[str, tuple[ClassRef, str]]] = {}
        for ref in ctx.ws.all_classes():
            for m in ref.cls.methods.values():
                if len(m.params) != 1 or not m.calls or m.name.startswith("__"):
                    continue
                p = m.params[0].name
                for call in m.calls:
                    if call.receiver == p and "self" in call.args:
                        groups.setdefault(m.name, {})[ref.key] = (ref, call.method)
        # The visitors' side of a double dispatch calls back too (`Bee.visit(flower)` calling
        # `flower.pollinate(self)`): a group whose method is what another group's members call
        # back, and which does not call that group's method in turn (a visitor walking back
        # through `node.accept(self)` does), is the visitors, not more elements.
        called_back = {acc: {v for _, v in members.values()} for acc, members in groups.items()}
        answering = {
            g
            for g, calls in called_back.items()
            if any(g in other and len(other) == 1 and h not in calls for h, other in called_back.items() if h != g)
        }
        out = {}
        for accept, members in groups.items():
            if accept in answering:
                continue
            names = {v for _, v in members.values()}
            # One visit the visitors answer each by calling the element back with a method of
            # its own (`HvacSpecialist.visit(house)` calling `house.work_on_hvac(self)`,
            # `Electrician.visit(house)` calling `house.work_on_wiring(self)`): the second
            # dispatch is theirs, even over one element class.
            answered_back = len(names) == 1 and _answered_back(groups, members, next(iter(names)))
            single = len(names) == 1 and self._single_dispatch(ctx, accept, members, next(iter(names)))
            if len(names) >= 2 or single or answered_back:
                everyone = {k: r for k, (r, _) in members.items()}
                for k, (_r, visit) in members.items():
                    out[k] = (accept, visit, everyone)
                if len(names) == 1:
                    # The visitor picks the type itself (`@visit.register`, `@visitor(Add)`): the
                    # subclasses inheriting the one `accept` are the types it dispatches on.
                    visit = next(iter(names))
                    if self._dispatching_visitors(ctx, accept, visit, set(members)):
                        for r, _ in list(members.values()):
                            for d in ctx.descendants(r):
                                if d.key not in out and accept not in d.cls.methods and not is_test_file(d.module):
                                    everyone[d.key] = d
                                    out[d.key] = (accept, visit, everyone)
        ctx._cache[key] = out
        return out

    def _single_dispatch(self, ctx: Ctx, accept: str, members: dict[str, tuple[ClassRef, str]], visit: str) -> bool:
        """One visit method for every element: double dispatch only when the elements declare
        `accept` in an interface and the visitors declare `visit` in another, implemented."""
        # Declared: a stub, or abstract with the call-back as its default body (`@abstractmethod
        # def accept(self, v): v.visit(self)`).
        declared = any(
            accept in a.cls.methods and (a.cls.methods[accept].is_stub or a.cls.methods[accept].abstract)
            for r, _ in members.values()
            for a in ctx.ancestors(r)
        )
        if declared and self._visitor_ifaces(ctx, visit, {k for k in members}):
            return True
        return bool(self._dispatching_visitors(ctx, accept, visit, set(members)))

    def _dispatching_visitors(self, ctx: Ctx, accept: str, visit: str, elements: set[str]) -> list[ClassRef]:
        """Classes whose one ``visit`` picks the element type itself: registered per type by a
        decorator (`@visitor(Add)`, `@visit.register`, `@singledispatchmethod`), or walking
        the structure back through the elements' ``accept`` (`node.left.accept(self)`)."""
        key = ("visitor", "dispatching", accept, visit)
        hit = ctx._cache.get(key)
        if hit is None:
            hit = []
            for r in ctx.ws.all_classes():
                m = r.cls.methods.get(visit)
                if m is None or r.key in elements or m.is_stub or len(m.params) != 1:
                    continue
                back = any(c.method == accept and "self" in c.args for c in m.calls)
                # ... or hands the element to a method of its own registering one body per type
                # (`return self._visit(element)` over `@singledispatchmethod def _visit`).
                typed = any(
                    (d := r.cls.methods.get(n)) is not None and any("singledispatch" in x for x in d.decorators)
                    for n in m.self_calls
                )
                if m.decorators or back or typed:
                    hit.append(r)
            ctx._cache[key] = hit
        return hit

    def _visitor_ifaces(self, ctx: Ctx, visit: str, elements: set[str]) -> list[ClassRef]:
        """Classes declaring ``visit`` abstractly, implemented by a concrete subclass, and
        Protocols declaring it that a class implements without naming them (the visitor typed
        per element, `AudioVisitor` with `visit(self, element: Audio)`)."""
        key = ("visitor", "ifaces", visit)
        hit = ctx._cache.get(key)
        if hit is None:
            hit = []
            for r in ctx.ws.all_classes():
                m = r.cls.methods.get(visit)
                if m is None or not m.is_stub or r.key in elements:
                    continue
                subclassed = any(
                    visit in d.cls.methods and not d.cls.methods[visit].is_stub for d in ctx.descendants(r)
                )
                if subclassed or (
                    r.cls.is_protocol
                    and any(not d.cls.is_protocol and d.key not in elements for d in structural(ctx, r))
                ):
                    hit.append(r)
            ctx._cache[key] = hit
        return hit

    @per_workspace
    def _plan(self, ctx: Ctx) -> _Plan:
        """What every module's pass reads of the workspace's elements: worked out once, not in
        each of 1,143 modules over Django + SQLAlchemy (most of the detector's own time)."""
        elements = self._elements(ctx)
        visits = {v for _, v, _ in elements.values()}
        by_accept: dict[str, set[str]] = {}
        for acc, v, _ in elements.values():
            by_accept.setdefault(acc, set()).add(v)
        single = {next(iter(vs)) for vs in by_accept.values() if len(vs) == 1}
        accepts = {acc for acc, _, _ in elements.values()}
        element_ifaces: dict[str, ClassRef] = {}
        for k, (accept, _, everyone) in elements.items():
            for a in ctx.ancestors(everyone[k]):
                m = a.cls.methods.get(accept)
                if m is not None and m.is_stub and a.key not in elements:
                    element_ifaces[a.key] = a
            # A Protocol of the element's module declaring only the accept method, which the
            # elements satisfy without naming it (they offer more of their own).
            el = everyone[k]
            for c in el.module.classes.values():
                if c.is_protocol and set(c.public_methods) == {accept} and c.methods[accept].is_stub:
                    p = ctx.ref(c, el.module)
                    if p.key not in elements:
                        element_ifaces[p.key] = p
        visitor_ifaces = {r.key: r for v in single for r in self._visitor_ifaces(ctx, v, set(elements))}
        return elements, visits, by_accept, single, accepts, element_ifaces, visitor_ifaces

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        elements, visits, by_accept, single, accepts, element_ifaces, visitor_ifaces = self._plan(ctx)
        for ref in ctx.classes():
            if ref.key in elements:
                accept, visit, _ = elements[ref.key]
                own_accept = ref.cls.methods.get(accept)
                if own_accept is None:
                    why = f"inherits `{accept}`, calling back `{visit}(self)` on a visitor dispatching on its type"
                    yield ctx.det(ref, self.id, "element", 0.8, [(ref.cls.selection.line, why)])
                else:
                    why = f"`{accept}` calls back `{visit}(self)` on the visitor"
                    yield ctx.det(ref, self.id, "element", 0.9, [(own_accept.selection.line, why)])
            elif ref.key in element_ifaces:
                m = next((ref.cls.methods[a] for a in accepts if a in ref.cls.methods), None)
                if m is None:  # the accept method is inherited only: no line of its own to show
                    continue
                yield ctx.det(
                    ref,
                    self.id,
                    "element",
                    0.85,
                    [(m.selection.line, f"declares `{m.name}(visitor)` for the elements")],
                )
            own = visits & set(ref.cls.methods)
            if len(own) >= 2:
                # An interface, or a base whose visit methods are all empty and which others
                # implement (`class Exporter: def export_paragraph(self, p): pass`).
                empty = all(ref.cls.methods[n].is_stub for n in own) and bool(ctx.descendants(ref))
                role = "visitor" if ref.cls.is_interface or empty else "concrete_visitor"
                yield ctx.det(
                    ref,
                    self.id,
                    role,
                    0.85,
                    [(ref.cls.methods[n].selection.line, f"`{n}` handles one element type") for n in sorted(own)[:3]],
                )
                continue
            if own and single and ref.key not in elements:
                n = next(iter(own))
                if ref.key in visitor_ifaces:
                    yield ctx.det(
                        ref, self.id, "visitor", 0.8, [(ref.cls.methods[n].selection.line, f"declares `{n}(element)`")]
                    )
                    continue
                dispatching = any(
                    ref in self._dispatching_visitors(ctx, acc, n, set(elements))
                    for acc, vs in by_accept.items()
                    if n in vs
                )
                if dispatching:
                    yield ctx.det(
                        ref,
                        self.id,
                        "concrete_visitor",
                        0.75,
                        [
                            (
                                ref.cls.methods[n].selection.line,
                                f"`{n}` handles each element type it is called back with",
                            )
                        ],
                    )
                    continue
                iface = next((a for a in ctx.ancestors(ref) if a.key in visitor_ifaces), None)
                if iface is not None and not ref.cls.methods[n].is_stub:
                    yield ctx.det(
                        ref,
                        self.id,
                        "concrete_visitor",
                        0.8,
                        [(ref.cls.methods[n].selection.line, f"`{n}` is one operation over the elements")],
                        [(iface, "visitor")],
                    )
                    continue
            yield from self._reflective(ctx, ref)

    def _reflective(self, ctx: Ctx, ref: ClassRef) -> Iterator[Detection]:
        for m in ref.cls.methods.values():
            for prefix in m.dynamic_getattr:
                if len(prefix) < 2:
                    continue
                family = [ref, *ctx.descendants(ref)]
                handlers = [x for r in family for n, x in r.cls.methods.items() if n.startswith(prefix) and n != m.name]
                if len({h.name for h in handlers}) >= 2 and _handed(handlers):
                    yield ctx.det(
                        ref,
                        self.id,
                        "visitor",
                        0.85,
                        [(m.selection.line, f"`{m.name}` dispatches to `{prefix}<type>` methods")],
                    )
                    return
        for m in ref.cls.methods.values():
            # `meth = getattr(self, name)` with the name computed from the argument's class
            # (`"visit_" + cls.__name__` over its MRO), then `meth(node)`: handlers are the
            # methods named after the dispatching one.
            if not m.params or m.name.startswith("_"):
                continue
            got = [c for c in m.calls if c.func == "getattr" and c.args[:1] == ("self",) and c.args[1:2] != ("const",)]
            p = f"param:{m.params[0].name}"
            if not got or not any(p in c.args and "." not in c.func and c.func != "getattr" for c in m.calls):
                continue
            if not any(r.startswith(f"{m.params[0].name}.") for r in m.foreign_reads):
                continue
            family = [ref, *ctx.descendants(ref)]
            named = {n for r in family for n in r.cls.methods if n.startswith(f"{m.name}_")}
            if named:
                yield ctx.det(
                    ref,
                    self.id,
                    "visitor",
                    0.75,
                    [(m.selection.line, f"`{m.name}` looks up a `{m.name}_<type>` handler for its argument")],
                )
                return
        for anc in ctx.ancestors(ref):
            for m in anc.cls.methods.values():
                for prefix in m.dynamic_getattr:
                    own = [n for n in ref.cls.methods if len(prefix) >= 2 and n.startswith(prefix)]
                    if own and _handed([ref.cls.methods[n] for n in own]):
                        yield ctx.det(
                            ref,
                            self.id,
                            "concrete_visitor",
                            0.8,
                            [(ref.cls.methods[own[0]].selection.line, f"`{own[0]}` handles one node type")],
                            [(anc, "visitor")],
                        )
                        return
