"""Which classes are Observer subjects: a small public method adding the object it is handed to
a list, set or dict (or a bucket per key), and another method looping over it and calling each."""

from __future__ import annotations

from agentls.patterns.context import Ctx, per_workspace
from agentls.patterns.detectors._passed import made_class
from agentls.patterns.facts import Call, FunctionFacts, Loop, ModuleIndex, Value
from agentls.patterns.programs import same_program
from agentls.patterns.workspace import ClassRef

Found = tuple[FunctionFacts, FunctionFacts, str, str]


def _attr(container: str) -> str | None:
    """`self._obs` / `cls._obs` → `_obs`."""
    for prefix in ("self.", "cls."):
        if container.startswith(prefix):
            rest = container[len(prefix) :]
            return rest if rest.isidentifier() else None
    return None


def _family_defines(ctx: Ctx, ref: ClassRef, method: str) -> bool:
    """Whether another concrete class of this class's own hierarchy answers ``method``: the
    parts of a composite, not observers of a subject."""
    roots = [a for a in ctx.ancestors(ref) if not ctx.ancestors(a)] or [ref]
    for root in roots:
        for d in [root, *ctx.descendants(root)]:
            if d == ref or d in ctx.ancestors(ref) or d.cls.is_interface:
                continue
            m = d.cls.methods.get(method)
            if m is not None and not m.is_stub:
                return True
    return False


def _declared_subject(ctx: Ctx, ref: ClassRef, sub: str, method: str) -> bool:
    """A notification calling the method it is in is a composite's recursion unless the
    subscribing is declared by an abstract subject or observers subscribe themselves, and no
    other class of its own hierarchy answers the method. Observers of its own program: an
    examples repository's observer folder subscribing itself (`subject.attach(self)`) says
    nothing of the visitor folder's `ObjectStructure.attach`."""
    if _family_defines(ctx, ref, method):
        return False
    if any(sub in a.cls.abstract_methods for a in ctx.ancestors(ref)):
        return True
    callers = _self_registrations(ctx).get(sub, {})
    return any(same_program(ctx.ws, ref.module, m) for m in callers.values())


def _self_registrations(ctx: Ctx) -> dict[str, dict[int, ModuleIndex]]:
    """Methods some object calls on another passing itself (`subject.attach(self)`), each with
    the modules calling it so (by id)."""
    key = ("observer", "self_registrations")
    hit: dict[str, dict[int, ModuleIndex]] | None = ctx._cache.get(key)
    if hit is None:
        hit = {}
        for r in ctx.ws.all_classes():
            for m in r.cls.methods.values():
                for c in m.calls:
                    if "self" in c.args and c.receiver and c.receiver != "self":
                        hit.setdefault(c.method, {})[id(r.module)] = r.module
        ctx._cache[key] = hit
    return hit


def notifies(ctx: Ctx, ref: ClassRef) -> Found | None:
    """(subscribe method, notify method, container, called method or '()') for a subject."""
    key = ("observer", "notifies", ref.key)
    if key not in ctx._cache:
        ctx._cache[key] = _notifies(ctx, ref)
    return ctx._cache[key]  # type: ignore[no-any-return]


def _collection(ref: ClassRef) -> bool:
    """What the class collects is data, not observers: it is a collection itself (answers
    `__len__` with `__iter__` or `__getitem__`)."""
    methods = ref.cls.methods
    return "__len__" in methods and ("__iter__" in methods or "__getitem__" in methods)


def _typed_items(ctx: Ctx, ref: ClassRef, sub: FunctionFacts) -> bool:
    """The subscribe parameter is annotated with a concrete class no other class derives from
    (`append(self, line: Text)`): rows of data, unless the class tells them of its own change
    (`_records_change`)."""
    p = sub.params[0] if sub.params else None
    kinds = ctx.annotation_refs(p.annotation, ref.module) if p is not None and p.annotation else []
    return bool(kinds) and all(
        not t.cls.is_interface
        and not ctx.descendants(t)
        and any(not m.is_stub for n, m in t.cls.methods.items() if not n.startswith("_"))
        for t in kinds
    )


def _declared(ctx: Ctx, ref: ClassRef, sub: FunctionFacts, method: str) -> bool:
    """Each class the subscribe parameter is annotated with implements an interface declaring
    ``method`` abstractly (`add_subscriber(self, s: Subscriber)`, `Subscriber(ISubscriber)`
    with `update` abstract there): the observer interface, spelled through its one
    implementation (as when the subject is generic in it), not rows of data."""
    p = sub.params[0] if sub.params else None
    kinds = ctx.annotation_refs(p.annotation, ref.module) if p is not None and p.annotation else []
    return bool(kinds) and all(
        any((m := a.cls.methods.get(method)) is not None and m.abstract for a in ctx.interface_ancestors(t))
        for t in kinds
    )


def _notifies(ctx: Ctx, ref: ClassRef) -> Found | None:
    methods = ref.cls.methods
    # The subscribing may be inherited from a base that keeps no loop (an abstract `Subject`
    # with `register_observer`, leaving `notify_observers` to `WeatherData`); the loop telling
    # the observers is the class's own, so a base found alone is not reported for each heir.
    inherited = [m for n, m in ctx.all_methods(ref).items() if n not in methods]
    for sub in [*methods.values(), *inherited]:
        # Subscribing is a small public operation (`attach`, `connect`), not a step of some
        # larger algorithm that collects objects to process later.
        # `event += handler` (`__iadd__`) subscribes as `attach` does; on a class that is also a
        # collection it counts only for handlers the loop calls.
        added = sub.name == "__iadd__"
        if not (sub.is_public or added or _hook(ctx, ref, sub)) or sub.complexity > 3 or not sub.container_ops:
            continue
        handlers_only = _collection(ref)
        if handlers_only and not added:
            continue
        typed = _typed_items(ctx, ref, sub)
        for op in sub.container_ops:
            bucket = op.container.endswith("[]") and op.op in ("append", "add")
            attr = _attr(op.container[:-2] if bucket else op.container)
            if op.op not in ("append", "add", "setitem") or attr is None or not op.arg.startswith("param:"):
                continue
            if op.op == "setitem" and op.key == op.arg:
                continue
            # A bucket keyed by the stored object's own attribute (`by_source[t.source].append(t)`)
            # indexes objects, as publish-subscribe reads it too.
            if bucket and any(
                c == op.container[:-2] and k.startswith(f"attr:{op.arg[6:]}.") for c, k in sub.subscripts
            ):
                continue
            for note in methods.values():
                if note is sub:
                    continue
                # Observers kept per key (`self._subs[product].append(s)`) are a broker's topic
                # lists unless the class fires the notification on its own change (`add_product`
                # calling `self.notify(product)`): a subject telling those who asked about it.
                if bucket and not _fired_on_change(ref, note):
                    continue
                for loop in note.loops:
                    if not loop.target:
                        continue
                    it = loop.iter.removeprefix("self.").removeprefix("cls.")
                    if bucket:
                        if it not in (f"{attr}[]", f"{attr}.get()"):
                            continue
                    elif (
                        it != attr
                        and not (loop.iter == "" and attr in note.self_reads)
                        and _snapshot(note, loop) != attr
                    ):
                        continue
                    # A bare name is a local: the kept list only when the method reads it
                    # (`pins = self.pins`), not a list it builds under the same name (a
                    # group's `commands` of (name, command) rows made for its help page).
                    if it == loop.iter and attr not in note.self_reads:
                        continue
                    if _logs_run(note, loop, attr):
                        continue  # an invoker keeping a history of the commands it ran
                    keyed = f"{loop.iter}[]" if op.op == "setitem" else loop.target
                    for call in note.calls:
                        if call.method.startswith("_"):
                            continue  # observers are told through their public interface
                        if not _in_loop(note, loop, call):
                            continue  # the name bound again by a later loop (`for c in done`)
                        if _gathers(note, loop, call):
                            continue  # it asks each for data: a notification's answers are dropped
                        if _filters(note, loop, call, attr):
                            continue  # it rebuilds the kept list, asking each whether to keep it
                        if call.receiver in (loop.target, keyed) and call.receiver and not handlers_only:
                            if call.method == note.name and not _declared_subject(ctx, ref, sub.name, call.method):
                                continue  # a composite's recursion over its parts
                            if (
                                typed
                                and not _records_change(note, call.args)
                                and not _declared(ctx, ref, sub, call.method)
                            ):
                                continue
                            return sub, note, attr, call.method
                        told = _triggered(ref, note) or _unsubscribes(ref, attr)
                        if call.func == loop.target and told and not _answering(sub):
                            return sub, note, attr, "()"
    return None


_COPIES = ("list", "tuple", "set", "frozenset")


def _snapshot(note: FunctionFacts, loop: Loop) -> str | None:
    """The attribute a loop walks a copy of, taken so an element may unsubscribe while it is
    told (`for o in list(self._observers)`, `self._observers.copy()`, or a local bound to one:
    `observers = self._observers.copy()`, then `for o in observers`)."""
    it = loop.iter
    if it.endswith(".copy()"):
        return _attr(it[: -len(".copy()")])
    if it.isidentifier():
        made = note.call_locals.get(it, "")
        if made.endswith(".copy"):
            return _attr(made[: -len(".copy")])
        if made not in _COPIES:
            return None
        lines = None  # the copy bound to the local is one call of its kind somewhere in the method
    elif it.endswith("()") and it[:-2] in _COPIES:
        made, lines = it[:-2], loop.line
    else:
        return None
    copied = {
        kept
        for c in note.calls
        if c.func == made
        and (lines is None or c.line == lines)
        and len(c.args) == 1
        and c.args[0].startswith("attr:")
        and (kept := _attr(c.args[0][5:])) is not None
    }
    return copied.pop() if len(copied) == 1 else None


def _in_loop(note: FunctionFacts, loop: Loop, call: Call) -> bool:
    """The call may sit in ``loop``: no loop of the method binding the same name starts after
    it and before the call (an invoker running its commands, then undoing the ones it ran with
    `for change in done: change.undo()`, tells no element of its kept list in the second loop)."""
    return loop.line <= call.line and not any(
        other.target == loop.target and loop.line < other.line <= call.line for other in note.loops
    )


def _logs_run(note: FunctionFacts, loop: Loop, attr: str) -> bool:
    """The loop files each element it ran into another list of the object (`for command in
    self._commands: command.execute(); self._history.append(command)`): an invoker keeping a
    history to undo, where a subject leaves its observers where they subscribed."""
    return bool(loop.target) and any(
        op.arg == f"name:{loop.target}"
        and op.op in ("append", "add", "appendleft")
        and (kept := _attr(op.container)) is not None
        and kept != attr
        for op in note.container_ops
    )


def _gathers(note: FunctionFacts, loop: Loop, call: Call) -> bool:
    """The loop asks each element for data, telling it nothing: a call with no argument whose
    answers it collects, as the element of a comprehension in a method that answers something
    (`return [d.read() for d in self.devices]`, or `names = [a.name() for a in self.parts]`
    joined into the text it returns), appended where it collects (`out.append(d.read())`) or
    searched (`[c for c in self.undo_list if path in c.get_changed_resources()]`).
    A signal handing each receiver the sender and returning their answers still notifies."""
    if call.args:
        return False
    if any(op.arg == f"call:{call.func}" for op in note.container_ops):
        return True
    if f"{call.func}()" in note.in_checks:
        return True  # its answer is searched (`if path in change.get_changed_resources()`)
    return call.line == loop.line and any(v != "none" for v in note.returns)


def _filters(note: FunctionFacts, loop: Loop, call: Call, attr: str) -> bool:
    """The call sits in a comprehension whose result the method puts back in the attribute it
    loops over (`self._parts = [p for p in self._parts if p.get_name() != name]`): removing by
    a key each element answers, where a notification leaves the kept list as it was."""
    return call.line == loop.line and attr in note.self_writes


def _fired_on_change(ref: ClassRef, note: FunctionFacts) -> bool:
    """Another method of the class changes its state and then calls ``note`` (`add_product`:
    `self.products.add(product)`, `self.notify(product)`); a batch helper calling it for each
    item it is handed (`dispatch_events`) changes nothing."""
    return any(
        note.name in m.self_calls and (m.self_writes or any(op.container.startswith("self.") for op in m.container_ops))
        for m in ref.cls.methods.values()
        if m is not note
    )


def _records_change(note: FunctionFacts, args: tuple[Value, ...]) -> bool:
    """The loop's method keeps what it was handed (`self.products.add(product)`) and hands that
    to each element: a subject telling its observers of its change, where a table drawing its
    rows at a width (`row.render(width)`) records nothing."""
    kept = {op.arg for op in note.container_ops if op.container.startswith("self.")}
    kept |= {v for vals in note.self_writes.values() for v in vals}
    return any(a.startswith("param:") and a in kept for a in args)


def _answering(sub: FunctionFacts) -> bool:
    """The callables subscribed are typed to answer something (`add_guard(self, guard:
    Callable[[Ctx], bool])`, a middleware `Callable[[Event], Event]`): filters, guards and
    transforms the loop asks for a verdict or a new value, not listeners told of a change
    (`Callable[[Change], None]`, `Callable[..., Awaitable[None]]`, `Callable[..., Any]`)."""
    p = sub.params[0] if sub.params else None
    text = (p.annotation or "").strip("'\"") if p is not None else ""
    head, _, rest = text.partition("[")
    if head.rpartition(".")[2] != "Callable" or not rest.endswith("]"):
        return False
    # The answer is the last top-level item (`Callable[?, bool]`: the index writes `?` for
    # the argument list).
    depth, cut = 0, -1
    for i, ch in enumerate(rest[:-1]):
        depth += (ch == "[") - (ch == "]")
        if ch == "," and depth == 0:
            cut = i
    answer = rest[cut + 1 : -1].strip() if cut >= 0 else ""
    # The index writes `?` for `None` too; an awaitable of nothing is an async listener's.
    told = ("?", "None", "Any", "object", "typing.Any")
    return bool(answer) and answer not in told and not answer.endswith(("?]", "None]"))


def _hook(ctx: Ctx, ref: ClassRef, sub: FunctionFacts) -> bool:
    """A protected method overriding one of a base whose public method runs it (`Observable.
    subscribe` calling `self._subscribe_core(observer)`, which `Subject` overrides to keep the
    observer): the subscribing the base's public operation does, in the class's own words."""
    name = sub.name
    return (
        name.startswith("_")
        and not name.startswith("__")
        and any(
            name in a.cls.methods and any(m.is_public and name in m.self_calls for m in a.cls.methods.values())
            for a in ctx.ancestors(ref)
        )
    )


def _unsubscribes(ref: ClassRef, attr: str) -> bool:
    """A method of the class takes an object it is handed back out of the kept list
    (`detach`, `__isub__`: `self._handlers.remove(handler)`): listeners come and go, where the
    steps of a pipeline or a middleware stack stay as they were built."""
    return any(
        op.op in ("remove", "discard") and op.arg.startswith("param:") and _attr(op.container) == attr
        for m in ref.cls.methods.values()
        for op in m.container_ops
    )


def _triggered(ref: ClassRef, note: FunctionFacts) -> bool:
    """Callables are observers when the subject tells them about itself: it triggers the
    notification on its own change, or passes itself; a pipeline handing a request it was
    given to every function in turn is not one."""
    if any(note.name in m.self_calls for m in ref.cls.methods.values() if m is not note):
        return True
    given = {f"param:{p}" for p in note.param_names}
    return not any(set(c.args) & given for c in note.calls if c.func and "." not in c.func)


@per_workspace
def handed_callables(ctx: Ctx, subj: ClassRef, sub: str, method: str = "__call__") -> list[ClassRef]:
    """The classes whose objects the program subscribes to a subject: for a subject keeping
    callables, a bound method of an object it made (`store.subscribe(shopper.notify)`), or the
    object itself when its class is callable (`store.subscribe(shopper)` with `__call__`); for
    one calling ``method`` on each, an object it made whose class answers ``method``
    (`core.attach(TempObserver("o1"))` made as a local first), on an object of the subject
    or of a subclass triggering it."""
    kinds = {subj, *ctx.descendants(subj)}
    out: dict[str, ClassRef] = {}
    for module in ctx.ws.modules():
        for fn in module.units():
            for c in fn.calls:
                if c.method != sub or not c.args or made_class(ctx, module, fn, c.receiver) not in kinds:
                    continue
                arg = c.args[0]
                local, _, meth = arg[5:].partition(".") if arg[:5] == "attr:" else (arg[5:], "", method)
                if arg[:5] not in ("attr:", "name:") or "." in meth:
                    continue
                if method != "__call__" and arg[:5] != "name:":
                    continue  # a bound method handed to a subject calling a method on each
                cls = made_class(ctx, module, fn, local)
                m = ctx.all_methods(cls).get(meth) if cls is not None else None
                if cls is not None and m is not None and not m.is_stub:
                    out.setdefault(cls.key, cls)
    return list(out.values())
