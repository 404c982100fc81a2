from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.detectors._basics import near, structural
from agentls.patterns.detectors._command_families import command_runs
from agentls.patterns.detectors._event_lists import event_lists
from agentls.patterns.detectors._subjects import Found, handed_callables, notifies
from agentls.patterns.detectors.mediator import Mediator
from agentls.patterns.model import Detection
from agentls.patterns.workspace import ClassRef


def _stub_base(ctx: Ctx, ref: ClassRef, method: str) -> bool:
    """An interface written as a plain class (`class Observer: def update(self): pass`): an
    interface by declaration, or a class with no state whose public methods are all empty and
    that a subclass overrides ``method`` of with a body."""
    cls = ref.cls
    if cls.is_interface:
        return True
    public = [m for n, m in cls.methods.items() if not n.startswith("_")]
    init = cls.methods.get("__init__")
    if not public or any(not m.is_stub for m in public) or (init is not None and init.self_writes):
        return False
    return any((dm := d.cls.methods.get(method)) is not None and not dm.is_stub for d in ctx.descendants(ref))


def _structural(ctx: Ctx, proto: ClassRef, subj: ClassRef) -> list[ClassRef]:
    """The classes near the subject implementing every method of an observer Protocol with a
    body, without deriving from it."""
    if not proto.cls.is_protocol:
        return []
    return [
        r
        for r in structural(ctx, proto)
        if not r.cls.is_protocol and proto not in ctx.ancestors(r) and near(subj, r, ctx)
    ]


def _relayed(ctx: Ctx, note: str, method: str) -> bool:
    """The objects told (`receive`) are the ones calling the notification (`self._mediator.
    notify(msg)`): colleagues talking through a relay, a mediator, not observers of a subject."""
    if note == method:
        return False  # a subject telling subjects (a chain of them) is no relay
    for r in ctx.by_method(public=True).get(method, []):
        if notifies(ctx, r):
            continue
        for m in r.cls.methods.values():
            if any(c.method == note and c.receiver[5:].isidentifier() and c.receiver[:5] == "self." for c in m.calls):
                return True
    return False


_PREDICATE = re.compile(r"(is|has|can|should|accepts?|matches)([A-Z_]|$)")


def _asked(ctx: Ctx, subj: ClassRef, method: str) -> bool:
    """The method is a predicate (`is_valid_plugin`, `accepts`, or declared `-> bool`) and every
    class of the program carrying it out answers from it (`return matched`): the loop asks
    each element for a verdict (a plug-in locator asking its file analyzers whether a file is
    a plug-in), where an observer is told something; a signal collecting its receivers'
    answers (`-> str`) still notifies."""
    bodies = [
        m
        for r in ctx.by_method(public=True).get(method, [])
        if r != subj
        and (m := r.cls.methods.get(method)) is not None
        and not (m.abstract or m.is_stub or m.body_kind == "not_implemented")
    ]
    if not bodies or not all(m.returns and "none" not in m.returns for m in bodies):
        return False
    return bool(_PREDICATE.match(method)) or any(m.returns_annotation == "bool" for m in bodies)


@register
class Observer(Detector):
    """Defines a one-to-many dependency: observers register with a subject, and the subject
    notifies all of them when it changes, without knowing their concrete classes. It decouples
    the source of change from its consequences; update order is implicit, cascades are hard to
    follow, and forgotten observers leak.

    ## Roles
    - `subject`: keeps the observers and notifies them.
    - `observer`: the interface observers implement.
    - `concrete_observer`: reacts to notifications.

    ## How it is detected
    - A subject has a list, set or dict attribute (on the instance or the class), a small
      public method (or `__iadd__`: `event += handler`, or a protected hook overriding one a
      base's public method runs: `_subscribe_core` under `Observable.subscribe`) adding the
      object it receives to it (also joined in place as a one-element
      display, `self._observers |= {observer}`, `+= [observer]`), and another method looping over it
      (or over a copy taken so an observer may unsubscribe while told: `list(self._observers)`,
      `self._observers.copy()`, or a local bound to one)
      and calling a public method on (or calling) each element in that loop (not in a later
      loop binding the same name: a batch undoing the steps it ran, `for step in done:
      step.rollback()`, tells no element of its kept list), not asking each for data
      (nor for a verdict: when the method is a predicate, `is_valid_plugin` or declared
      `-> bool`, and every implementation of it in the program answers something, the loop
      asks, as a plug-in locator asks its file analyzers; a signal collecting its receivers'
      answers still notifies):
      a call with no argument whose answers the method collects (`return [d.read() for d in
      self.devices]`, or a comprehension of names it joins into the text it returns) or
      searches (`if path in c.touched()`) gathers from parts it keeps (a signal handing each
      receiver the sender and returning their answers still notifies), and a comprehension
      the method puts back in the attribute it loops over (`self.parts = [p for p in
      self.parts if p.name() != name]`) removes by a key. Calling the same method the loop
      is in over parts of the class's own hierarchy is a composite's recursion, not a
      notification; a relay its colleagues report to, passing themselves or calling it
      through an attribute they hold (`self.hub.relay(text)`) while answering what it calls
      on each, is a mediator (the loop may be a helper the relay calls); an invoker running
      the commands it keeps (`for job in self.jobs: job.run()`, the request of a command
      family) is no subject, nor is a loop filing each element it ran into another list of
      the object (`self.history.append(job)`, an invoker's history to undo);
      calling plain functions counts only when the subject triggers the
      notification itself or passes itself, or takes a handed one back out of the list
      (`remove(handler)`, `__isub__`: listeners come and go; a pipeline handing a request to
      every function, its steps fixed once built, is not an observer), and not when the
      subscribe parameter is typed as a callable answering something (`guard:
      Callable[[Order], bool]`, a middleware answering the event): guards,
      filters and transforms asked for a verdict or a value, where a listener answers nothing
      (`Callable[[Order], None]`). A dict of lists keyed by topic is publish-subscribe
      instead, unless another method of the class changes its state and then fires the notification
      (`add_product` keeping the product, then calling `self.notify(product)`) and the key is
      not an attribute of the object stored: a subject keeping its observers per key. A
      collection (answering `__len__` with `__iter__` or `__getitem__`; one subscribed with
      `+=` whose loop calls each element is an event all the same), or a class whose
      subscribe parameter is annotated with a concrete class with behaviour of its own that
      nothing derives from (`append(self, line: Text)`), collects data, not observers, unless
      the looping method keeps the argument it hands to each (`self.products.add(product)`,
      then `customer.notify(product)`): a subject telling the one class it knows of its
      change, that class then being the concrete observer, or that class implements an
      interface declaring the notified method abstractly (`add(self, s: Subscriber)` with
      `Subscriber(ISubscriber)`): the observer interface spelled through its implementation.
    - The subscribe method may be inherited (an abstract `Subject` keeping `register_observer`,
      its subclass `WeatherData` looping in `notify_observers`); the loop is the class's own.
    - Abstract subjects: interfaces a subject implements that declare its subscribe or notify
      method, and abstract classes between those and the subject; subclasses of a subject that
      trigger the notification are subjects too.
    - The observer interface: a class declaring the notified method abstractly (or as a stub
      its subclasses override, also in a plain class with no state whose public methods are
      all empty: `class Observer: def update(self): pass`) in the subject's module, one
      importing it or imported by it, or beside it in a folder of scripts without `__init__.py`
      (one class per file); the class the subscribe method's parameter is annotated with (a
      concrete observer instead when that class carries the notified method out itself); or
      an interface declaring the notified method above a concrete observer.
    - Concrete observers implement the notified method below such a declaration (or, for an
      observer Protocol, implement all its methods near the subject without deriving from
      it), define it
      and subscribe themselves (`subject.attach(self)`), or define it taking the subject's
      kind as its argument (`update(self, subject: Data)`), or define it and the program
      subscribes an object of theirs it made to an object of the subject or of a subclass
      triggering it (`screen = Screen()`, `feed.attach(screen)`), typed or not.
    - A callable list (`class Event(list)` whose `__call__` calls every item) is a subject,
      and so is a class that keeps one in an attribute (and its subclasses that fire it); a
      class appending its own bound method to such an attribute of another object
      (`person.falls_ill.append(self.call_doctor)`) is a concrete observer, and so is, for a
      subject keeping callables, a class whose bound method or callable object (`__call__`) the
      program subscribes on an object of the subject it made (`store.subscribe(shopper.notify)`,
      `store.subscribe(shopper)`).
    """

    id = "observer"
    category = "behavioural"
    roles: ClassVar[dict[str, str]] = {
        "subject": "notifies registered observers",
        "observer": "observer interface",
        "concrete_observer": "reacts to notifications",
    }

    def _subjects(self, ctx: Ctx) -> list[tuple[ClassRef, Found]]:
        if "subjects" not in ctx._cache:
            # A relay its colleagues report to (`mediator.notify(msg, self)`) is a mediator.
            links = Mediator()._links(ctx)
            relays = {(med.key, meth) for _, med, meth, _ in links}
            # ... and the loop of a mediator may be a helper its relay calls (`_mediate`).
            relays |= {
                (med.key, n)
                for _, med, meth, _ in links
                if (relay := med.cls.methods.get(meth)) is not None
                for n in relay.self_calls
            }
            # An invoker running the commands it keeps (`for c in self.commands: c.execute()`)
            # loops as a notification does; what it calls is a command family's request.
            runs = command_runs(ctx)
            ctx._cache["subjects"] = [
                (r, f)
                for r in ctx.ws.all_classes()
                if (f := notifies(ctx, r))
                and (r.key, f[1].name) not in relays
                and (r.key, f[3]) not in runs
                and not (f[3] != "()" and _relayed(ctx, f[1].name, f[3]))
                and not (f[3] != "()" and _asked(ctx, r, f[3]))
            ]
        return ctx._cache["subjects"]  # type: ignore[no-any-return]

    def _roles(self, ctx: Ctx) -> dict[str, list[tuple[str, float, list[tuple[int, str]], list[ClassRef]]]]:
        """class key -> [(role, confidence, evidence, subjects)] for the classes around subjects."""
        key = ("observer", "roles")
        hit = ctx._cache.get(key)
        if hit is not None:
            return hit  # type: ignore[no-any-return]
        out: dict[str, list[tuple[str, float, list[tuple[int, str]], list[ClassRef]]]] = {}

        def add(r: ClassRef, role: str, conf: float, ev: list[tuple[int, str]], subj: ClassRef) -> None:
            rows = out.setdefault(r.key, [])
            if not any(x[0] == role for x in rows):
                rows.append((role, conf, ev, [subj]))

        subjects = self._subjects(ctx)
        subject_keys = {r.key for r, _ in subjects}
        by_sub: dict[str, list[ClassRef]] = {}
        for subj, (sub, note, _, method) in subjects:
            by_sub.setdefault(sub.name, []).append(subj)
            declaring: list[ClassRef] = []
            for anc in ctx.ancestors(subj):
                declared = [n for n in (sub.name, note.name) if n in anc.cls.methods and anc.cls.methods[n].is_stub]
                if declared and anc.key not in subject_keys:
                    declaring.append(anc)
                    m = anc.cls.methods[declared[0]]
                    add(anc, "subject", 0.8, [(m.selection.line, f"declares `{m.name}` for subjects")], subj)
            # An abstract class between the subject and the abstract subject it derives from
            # (`SubjectWithSensors(Subject)` adding an abstract `set_measurements`) is one too: it
            # hands the declaration down; a concrete base or a mixin in between is not.
            for anc in ctx.ancestors(subj):
                if (
                    anc.key not in subject_keys
                    and anc not in declaring
                    and anc.cls.is_interface
                    and any(d in ctx.ancestors(anc) for d in declaring)
                ):
                    add(
                        anc,
                        "subject",
                        0.8,
                        [(anc.cls.selection.line, "an abstract subject below the declaring one")],
                        subj,
                    )
            for d in ctx.descendants(subj):
                trig = [m for m in d.cls.methods.values() if note.name in m.self_calls]
                if trig and d.key not in subject_keys:
                    add(
                        d,
                        "subject",
                        0.8,
                        [(trig[0].selection.line, f"`{trig[0].name}` notifies the observers it inherits")],
                        subj,
                    )
            if method == "()":
                # Callables kept: the classes whose bound method, or whose callable objects, the
                # program subscribes (`store.subscribe(shopper.notify)`) observe it.
                for r in handed_callables(ctx, subj, sub.name):
                    if r.key not in subject_keys:
                        add(r, "concrete_observer", 0.8, [(r.cls.selection.line, "subscribed as a callable")], subj)
                continue
            # Objects the program makes and subscribes (`core.attach(o1)`, `o1 = TempObserver()`)
            # whose class answers what the subject calls observe it, typed or not.
            for r in handed_callables(ctx, subj, sub.name, method):
                if r.key not in subject_keys:
                    add(r, "concrete_observer", 0.8, [(r.cls.selection.line, "subscribed by the program")], subj)
            ifaces: list[ClassRef] = []
            p = sub.params[0] if sub.params else None
            if p is not None:
                for t in ctx.annotation_refs(p.annotation, subj.module):
                    if method in ctx.all_methods(t) and t.key not in subject_keys:
                        ifaces.append(t)
            for iface in ifaces:
                own = iface.cls.methods.get(method)
                if own is not None and not own.is_stub and not iface.cls.is_interface:
                    # A concrete class the subject is typed against is the one observer it knows.
                    add(
                        iface,
                        "concrete_observer",
                        0.8,
                        [(own.selection.line, f"`{method}` reacts to notifications")],
                        subj,
                    )
                    continue
                add(iface, "observer", 0.8, [(iface.cls.selection.line, "the type observers register as")], subj)
            family = {a.key for s, _ in subjects for a in [s, *ctx.ancestors(s)]}
            observers = [r for r in self._declaring(ctx, method) if r.key not in family and near(subj, r, ctx)]
            for r in observers:
                add(r, "observer", 0.8, [(r.cls.methods[method].selection.line, f"declares `{method}`")], subj)
            for r in [*ifaces, *observers]:
                for d in [*ctx.descendants(r), *_structural(ctx, r, subj)]:
                    dm = d.cls.methods.get(method)
                    if dm is not None and not dm.is_stub and d.key not in subject_keys:
                        add(
                            d,
                            "concrete_observer",
                            0.8,
                            [(dm.selection.line, f"`{method}` reacts to notifications")],
                            subj,
                        )
            # Duck-typed observers: they answer the call, taking the subject as its argument.
            kinds = {a.key for a in [subj, *ctx.ancestors(subj), *ctx.descendants(subj)]}
            for r in self._defining(ctx, method):
                rm = r.cls.methods[method]
                if r.key in kinds or rm.is_stub or not rm.params:
                    continue
                if any(t.key in kinds for t in ctx.annotation_refs(rm.params[0].annotation, r.module)):
                    add(r, "concrete_observer", 0.8, [(rm.selection.line, f"`{method}` receives the subject")], subj)
        # Classes registering themselves with a subject and answering what it calls.
        called = {f[0].name: f[3] for _, f in subjects if f[3] != "()"}
        if called:
            for ref in ctx.ws.all_classes():
                if ref.key in subject_keys:
                    continue
                for m in ref.cls.methods.values():
                    for c in m.calls:
                        answered = called.get(c.method)
                        if answered and "self" in c.args and answered in ctx.all_methods(ref) and c.receiver:
                            own = ctx.all_methods(ref)[answered]
                            if not own.is_stub:
                                add(
                                    ref,
                                    "concrete_observer",
                                    0.8,
                                    [(m.selection.line, f"subscribes itself with `{c.func}(self)`")],
                                    by_sub[c.method][0],
                                )
        # The interfaces above concrete observers found without one, declaring what they answer.
        notified = {f[3] for _, f in subjects}
        for r in ctx.ws.all_classes():
            if not any(role == "concrete_observer" for role, _, _, _ in out.get(r.key, [])):
                continue
            subj = next(x[3][0] for x in out[r.key] if x[0] == "concrete_observer")
            for anc in ctx.interface_ancestors(r):
                declared = [n for n in notified if n in anc.cls.methods and anc.cls.methods[n].is_stub]
                if declared and anc.key not in subject_keys:
                    m = anc.cls.methods[declared[0]]
                    add(anc, "observer", 0.8, [(m.selection.line, f"declares `{m.name}` for observers")], subj)
        ctx._cache[key] = out
        return out

    def _defining(self, ctx: Ctx, method: str) -> list[ClassRef]:
        return ctx.by_method(public=True).get(method, [])

    def _declaring(self, ctx: Ctx, method: str) -> list[ClassRef]:
        key = ("observer", "declaring", method)
        hit = ctx._cache.get(key)
        if hit is None:
            hit = []
            for r in ctx.ws.all_classes():
                m = r.cls.methods.get(method)
                if m is None or not ctx.descendants(r):
                    continue
                if m.abstract or m.body_kind == "not_implemented" or (m.is_stub and _stub_base(ctx, r, method)):
                    hit.append(r)
            ctx._cache[key] = hit
        return hit

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        subjects = self._subjects(ctx)
        roles = self._roles(ctx)
        subject_keys = {r.key for r, _ in subjects}
        for ref in ctx.classes():
            found = notifies(ctx, ref) if ref.key in subject_keys else None
            if found:
                sub, note, attr, method = found
                what = "calls each one" if method == "()" else f"calls `{method}` on each"
                registers = (
                    (sub.selection.line, f"`{sub.name}` registers observers in `{attr}`")
                    if ref.cls.methods.get(sub.name) is sub
                    else (ref.cls.selection.line, f"inherits `{sub.name}`, registering observers in `{attr}`")
                )
                yield ctx.det(
                    ref,
                    self.id,
                    "subject",
                    0.85,
                    [registers, (note.selection.line, f"`{note.name}` {what}")],
                )
            rows = roles.get(ref.key, [])
            if not found and not rows:
                rows = event_lists(ctx).get(ref.key, [])
            for role, conf, ev, subj in rows:
                if role == "subject" and found:
                    continue
                parts = [(s, "subject") for s in subj] if role != "subject" else []
                if role == "observer":
                    parts = [(s, "subject") for s, f in subjects if f[3] in ref.cls.methods]
                yield ctx.det(ref, self.id, role, conf, ev, parts)
