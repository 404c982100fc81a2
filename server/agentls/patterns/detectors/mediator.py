from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Collab, Ctx, per_workspace
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.detectors._mediator_hubs import handed_kind, kept_by_annotation, registers, relays
from agentls.patterns.model import Detection
from agentls.patterns.workspace import ClassRef


def _binders(ctx: Ctx, colleague: ClassRef, attr: str, method: str) -> list[ClassRef]:
    """The hubs that bind themselves into ``colleague``'s ``attr`` on two or more objects they
    keep (`self.comp_a.set_mediator(self)`, `self._button.mediator = self`) and answer
    ``method`` with a parameter for the sender: the colleague calling them back with itself
    (`self._mediator.notify(self, "A")`) reports to them, even when they only relay (a
    two-way binding, no branch needed)."""
    setters = {
        n
        for n, m in ctx.all_methods(colleague).items()
        if any(v.startswith("param:") for v in m.self_writes.get(attr, ()))
    }
    out = []
    for hub, kept in _bindings(ctx).get(method, ()):
        bound = {a for a, via in kept if via == attr or via in setters}
        if len(bound) >= 2 and hub != colleague and hub not in ctx.ancestors(colleague):
            out.append(hub)
    return out


@per_workspace
def _bindings(ctx: Ctx) -> dict[str, list[tuple[ClassRef, set[tuple[str, str]]]]]:
    """Method name -> the classes answering it (with a parameter beside `self`) that hand
    themselves to objects they keep: (kept attribute, the colleague's attribute set or the
    method called with `self`)."""
    out: dict[str, list[tuple[ClassRef, set[tuple[str, str]]]]] = {}
    for ref in ctx.ws.all_classes():
        kept: set[tuple[str, str]] = set()
        for m in ref.cls.methods.values():
            kept |= {
                (st.receiver[5:], st.attr)
                for st in m.attr_stores
                if st.value == "self" and st.receiver[:5] == "self." and "." not in st.receiver[5:]
            }
            kept |= {
                (c.receiver[5:], c.method)
                for c in m.calls
                if c.args == ("self",) and c.receiver[:5] == "self." and "." not in c.receiver[5:]
            }
        if len({a for a, _ in kept}) < 2:
            continue
        for name, m in ref.cls.methods.items():
            if not name.startswith("_") and any(p.name != "self" for p in m.params):
                out.setdefault(name, []).append((ref, kept))
    return out


def _held(ctx: Ctx, ref: ClassRef, name: str) -> Collab | None:
    """What ``self.<name>`` holds in ``ref``: its own attribute, one its bases keep (a
    colleague base storing the mediator), or the attribute a property of theirs answers."""
    for r in [ref, *ctx.ancestors(ref)]:
        collabs = ctx.collabs(r)
        if name in collabs:
            return collabs[name]
        prop = r.cls.methods.get(name)
        if prop is not None and prop.kind == "property":
            for v in prop.returns:
                if v.startswith("attr:self.") and v[10:] in collabs:
                    return collabs[v[10:]]
    return None


@register
class Mediator(Detector):
    """Centralises how a set of objects interact: colleagues talk only to the mediator, passing
    themselves along, and the mediator decides whom to involve. Colleagues stay decoupled and
    reusable; the mediator concentrates the coordination logic and can become a god class.

    ## Roles
    - `mediator`: receives notifications from colleagues and coordinates them.
    - `colleague`: reports to the mediator instead of calling peers.

    ## How it is detected
    A colleague class calls a method on an object it holds passing `self` (`self.mediator.
    notify(self, "event")`; held by the class, by a base of it, or answered by a property of
    theirs), and that object's class (by annotation, an implementation of the annotated
    interface, or by the method name) keeps that colleague's kind itself (by annotation, by
    creating it, in a collection the program fills with new colleagues:
    `company.register(Taxi(...))`, or in one a method fills with what it is handed typed as
    a colleague, or handing itself to each one it keeps: `aircraft.set_tower(self)`), holds
    two or more other objects (or a collection of
    them) and, in that method or the helpers it calls (`self._mediate(...)`), branches and
    loops over them, or
    works on two or more of them, or on one while it keeps two or more colleagues. An
    interface two or more implementations of which answer the call their own way is a state
    or strategy family handed its context (`self.state.transition(self)`), not a hub. A call
    that merely passes `self` to a method of the same name elsewhere is not enough, and so
    is a typed one to a class two or more subclasses of which answer the method their own
    way (a loader family handed the environment asking it: a strategy given its context, not
    a hub). A mediator sits between colleagues: it is reported when two or
    more colleague kinds report to it, or when one kind does and all the mediator keeps is
    its colleagues
    (collections it fills with what it is given, attributes of the colleague's kind, or
    nothing), or when it registers them, keeping each and handing itself to it
    (`aircraft.set_tower(self)`, `user.room = self`) though it keeps state of its own (a
    name, queues); one class handing itself to an object with a life of its own (a response
    to its cookie jar, a request handler to the application's logger) is a callback, and a
    tree node setting its children's parent (`child.parent = self`, the hub of the
    colleague's own family) is a Composite.

    The two-way binding: a hub that hands itself to two or more objects it keeps
    (`self.left.set_hub(self)`, `self.right.hub = self`) into the attribute colleagues call it
    back through with themselves (`self._hub.notify(self, "A")`) mediates even when it only
    relays (`notify(sender, event)` passing it on to `self.right.receive(...)`); one object
    handed the hub is a back-reference.

    The chat-room form: a hub that admits colleagues, hands each a reference to itself
    (`person.room = self`) and keeps them, and that colleagues call through that reference
    (`self.room.broadcast(self.name, msg)`) to reach the others, the hub looping over the
    ones it keeps. With no back-reference at all, a hub keeping what one method is handed,
    typed as a program class (`join(member: Player)`), whose other method, handed one member,
    hands each kept one together with it to a call (`self.show(speaker, listener, line)`), is
    a mediator relaying between its members, its abstract base declaring that call too (0.7);
    pairing each kept subscriber with something else it is handed (an issue) tells them, as a
    subject does.
    """

    id = "mediator"
    category = "behavioural"
    roles: ClassVar[dict[str, str]] = {"mediator": "coordinates colleagues", "colleague": "reports to the mediator"}

    @per_workspace
    def _links(self, ctx: Ctx) -> list[tuple[ClassRef, ClassRef, str, int]]:
        """(colleague, mediator, method, line) across the workspace."""
        by_method: dict[str, list[ClassRef]] = {}
        for ref in ctx.ws.all_classes():
            for name, m in ref.cls.methods.items():
                if m.params and not name.startswith("__") and m.complexity > 1:
                    by_method.setdefault(name, []).append(ref)
        links = []
        for ref in ctx.ws.all_classes():
            for m in ref.cls.methods.values():
                for call in m.calls:
                    # `self.<attr>.<method>(..., self, ...)`: a colleague reporting itself
                    if "self" not in call.args or not call.receiver.startswith("self."):
                        continue
                    c = _held(ctx, ref, call.receiver[5:])
                    if c is None:
                        continue
                    # Typed as an interface two or more implementations of which answer the call
                    # their own way: a state or strategy handed its context, not a hub.
                    if any(
                        a.cls.is_interface and sum(call.method in d.cls.methods for d in ctx.concrete(a)) >= 2
                        for t in c.types
                        for a in [t, *ctx.ancestors(t)]
                    ):
                        continue
                    # Typed as the mediator's interface: its implementations are the hubs.
                    typed = [*c.types, *(d for t in c.types if t.cls.is_interface for d in ctx.concrete(t))]
                    targets = typed or by_method.get(call.method, [])
                    pos = call.args.index("self")
                    for t in targets:
                        if t == ref or t in ctx.ancestors(ref):
                            continue
                        called = t.cls.methods.get(call.method)
                        if not c.types and (
                            called is None or len(called.params) <= pos or called.params[pos].has_default
                        ):
                            continue  # matched by name only: the sender must have its own parameter
                        coordinated = self._holds(ctx, t, ref) and self._coordinates(ctx, t, call.method)
                        if coordinated or (c.types and self._about(ctx, t, ref, call.method)):
                            links.append((ref, t, call.method, call.line))
                    if not c.types and not any(link[0] == ref and link[3] == call.line for link in links):
                        links.extend((ref, h, call.method, call.line) for h in _binders(ctx, ref, c.attr, call.method))
        # A mediator sits between colleagues: one class handing itself to a method of an
        # object with a life of its own (`Response` to `Cookies.extract_cookies`, an app
        # context to `Flask.do_teardown_appcontext`) is a callback. Two or more colleague
        # kinds make a hub, and so does one kind when the hub's state is its colleagues.
        kinds: dict[str, set[str]] = {}
        for colleague, med, _, _ in links:
            kinds.setdefault(med.key, set()).add(colleague.key)
        links = [
            link
            for link in links
            if len(kinds[link[1].key]) >= 2 or self._hub(ctx, link[1], link[0]) or registers(ctx, link[1], link[0])
        ]
        links.extend(self._rooms(ctx))
        return links

    def _hub(self, ctx: Ctx, mediator: ClassRef, colleague: ClassRef) -> bool:
        """Everything the mediator keeps is its colleagues: collections it fills, attributes of
        the colleague's kind, or nothing at all (a chat room that only relays)."""
        kinds = {colleague.key, *(a.key for a in ctx.ancestors(colleague))}
        collabs = ctx.collabs(mediator)
        methods = mediator.cls.methods.values()
        # Collections it fills with what it is given (`self._components.add(component)`).
        filled = {
            op.container[5:].rstrip("[]")
            for m in methods
            for op in m.container_ops
            if op.container[:5] == "self." and op.arg.startswith("param:") and op.op in ("append", "add", "setitem")
        }
        for attr in {a for m in methods for a in m.self_writes}:
            c = collabs.get(attr)
            if attr not in filled and not (c is not None and (c.container or any(t.key in kinds for t in c.types))):
                return False
        return True

    def _rooms(self, ctx: Ctx) -> list[tuple[ClassRef, ClassRef, str, int]]:
        """A hub that admits colleagues, hands each a reference to itself (`person.room =
        self`) and keeps them; the colleagues reach one another only by calling the hub
        through that reference (`self.room.broadcast(...)`), and the hub relays over the
        ones it keeps."""
        hubs: dict[str, tuple[ClassRef, set[str]]] = {}  # back-reference attribute -> (hub, kept collections)
        for ref in ctx.ws.all_classes():
            for m in ref.cls.methods.values():
                for st in m.attr_stores:
                    if st.value != "self" or st.receiver not in m.param_names:
                        continue
                    kept = {
                        op.container[5:]
                        for op in m.container_ops
                        if op.container.startswith("self.") and op.arg == f"param:{st.receiver}"
                    }
                    if kept:
                        hubs.setdefault(st.attr, (ref, kept))
        links: list[tuple[ClassRef, ClassRef, str, int]] = []
        if not hubs:
            return links
        for ref in ctx.ws.all_classes():
            answers = set(ctx.all_methods(ref))
            for m in ref.cls.methods.values():
                for call in m.calls:
                    hub = hubs.get(call.receiver[5:]) if call.receiver.startswith("self.") else None
                    if hub is None or hub[0] == ref:
                        continue
                    relay = hub[0].cls.methods.get(call.method)
                    if relay is not None and any(
                        loop.iter[5:] in hub[1]
                        and any(c.receiver == loop.target and c.method in answers for c in relay.calls)
                        for loop in relay.loops
                        if loop.target
                    ):
                        links.append((ref, hub[0], call.method, call.line))
        return links

    def _holds(self, ctx: Ctx, mediator: ClassRef, colleague: ClassRef) -> bool:
        """The mediator knows its colleagues: it keeps one of the colleague's kind, or keeps
        what it is given in a collection and calls back, on each element, a method the
        colleague answers."""
        kinds = {colleague.key, *(a.key for a in ctx.ancestors(colleague))}
        if any(t.key in kinds for c in ctx.collabs(mediator).values() for t in c.types):
            return True
        kept = {
            op.container[5:]
            for m in mediator.cls.methods.values()
            if m.is_public
            for op in m.container_ops
            if op.container.startswith("self.") and op.arg.startswith("param:")
        }
        answers = set(ctx.all_methods(colleague))
        for m in mediator.cls.methods.values():
            for loop in m.loops:
                if (
                    loop.iter[5:] in kept
                    and loop.target
                    and any(c.receiver == loop.target and c.method in answers for c in m.calls)
                ):
                    return True
        return (
            handed_kind(ctx, mediator, kinds)
            or kept_by_annotation(ctx, mediator, kinds)
            or registers(ctx, mediator, colleague)
        )

    def _about(self, ctx: Ctx, mediator: ClassRef, colleague: ClassRef, method: str) -> bool:
        """A mediator the colleague keeps (typed) whose method takes the colleague's own kind as
        the sender (`display_message(self, user: User, ...)`) and only uses it, without keeping
        it (subscribing) or being one of its parts."""
        m = mediator.cls.methods.get(method)
        if m is None or not m.is_public or m.is_stub or m.container_ops or m.self_writes:
            return False
        if any(mediator.key == a.key for a in ctx.ancestors(colleague)) or mediator in ctx.descendants(colleague):
            return False
        # Two or more subclasses answering the method their own way: the colleague holds one
        # of a family of plug-ins handed their caller (`loader.load(environment, name)` over
        # file, package and dict loaders), a strategy given its context, not a hub.
        if sum(1 for d in ctx.descendants(mediator) if method in d.cls.methods) >= 2:
            return False
        kinds = {colleague.key, *(a.key for a in ctx.ancestors(colleague))}
        return any(any(t.key in kinds for t in ctx.annotation_refs(p.annotation, mediator.module)) for p in m.params)

    def _coordinates(self, ctx: Ctx, ref: ClassRef, method: str) -> bool:
        """The method branches, and works on two or more of what the mediator holds, loops over
        them, or works on one while it holds two or more colleagues: itself or through the
        helpers it calls (`self._mediate(sender, ...)`, `self.handle_button_click()`)."""
        m = ref.cls.methods.get(method)
        if m is None or m.complexity < 2:
            return False
        collabs = ctx.collabs(ref)
        ms = [m, *(ref.cls.methods[n] for n in m.self_calls if n in ref.cls.methods and n != method)]
        used = {c.receiver.removeprefix("self.") for f in ms for c in f.calls if c.receiver.startswith("self.")}
        used = (used | {a for f in ms for a in f.self_reads}) & set(collabs)
        looped = any(loop.iter.removeprefix("self.") in collabs for f in ms for loop in f.loops)
        kept = [c for c in collabs.values() if c.types and not c.from_param]
        return len(used) >= 2 or looped or (bool(used) and len(kept) >= 2)

    def _around(self, ctx: Ctx) -> dict[str, tuple[str, ClassRef, int, str]]:
        """Abstract mediators and colleague bases: class key -> (role, detected class, line, what)."""
        key = ("mediator", "around")
        hit = ctx._cache.get(key)
        if hit is not None:
            return hit  # type: ignore[no-any-return]
        out: dict[str, tuple[str, ClassRef, int, str]] = {}
        links = self._links(ctx)
        direct = {c.key for c, _, _, _ in links} | {m.key for _, m, _, _ in links}
        for colleague, med, meth, _line in links:
            for anc in ctx.ancestors(med):
                m = anc.cls.methods.get(meth)
                if m is not None and anc.key not in direct:
                    out.setdefault(anc.key, ("mediator", med, m.selection.line, f"declares `{meth}` for colleagues"))
            for anc in ctx.ancestors(colleague):
                if anc.key in direct:
                    continue
                if anc.cls.is_interface:
                    m = next(iter(anc.cls.methods.values()), None)
                    out.setdefault(
                        anc.key,
                        ("colleague", med, (m or anc.cls).selection.line, "the interface colleagues implement"),
                    )
                    continue
                holds = [
                    c
                    for c in ctx.collabs(anc).values()
                    if any(t.key == med.key or t in ctx.ancestors(med) for t in c.types)
                ]
                if holds:
                    out.setdefault(
                        anc.key,
                        ("colleague", med, holds[0].line, f"keeps the mediator in `self.{holds[0].attr}`"),
                    )
        ctx._cache[key] = out
        return out

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        links = self._links(ctx)
        around = self._around(ctx)
        for ref in ctx.classes():
            as_med = [(c, meth) for c, med, meth, _ in links if med == ref]
            if as_med:
                m = ref.cls.methods[as_med[0][1]]
                yield ctx.det(
                    ref,
                    self.id,
                    "mediator",
                    0.8,
                    [(m.selection.line, f"`{m.name}` receives the sender and coordinates the others")],
                    [(c, "colleague") for c, _ in as_med],
                )
            mine = [(med, meth, line) for c, med, meth, line in links if c == ref]
            if mine:
                med, meth, line = mine[0]
                yield ctx.det(
                    ref,
                    self.id,
                    "colleague",
                    0.8,
                    [(line, f"tells the mediator `{med.cls.name}.{meth}` about itself")],
                    [(med, "mediator")],
                )
            relay = relays(ctx).get(ref.key)
            if relay is not None and not as_med and not mine and ref.key not in around:
                yield ctx.det(ref, self.id, "mediator", 0.7, [relay])
            if ref.key in around and not as_med and not mine:
                role, other, line, what = around[ref.key]
                yield ctx.det(
                    ref,
                    self.id,
                    role,
                    0.75,
                    [(line, what)],
                    [(other, "colleague" if role == "mediator" else "mediator")],
                )
