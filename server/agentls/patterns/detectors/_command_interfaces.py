"""Command interfaces: a small interface (written, or a base of empty methods) whose
argument-less requests its implementations carry out for effect, found one class at a time;
`_command_families` gathers them with their invokers and tables."""

from __future__ import annotations

from agentls.patterns.context import Ctx
from agentls.patterns.detectors._families import held_families, kind_of
from agentls.patterns.detectors._shared import is_data_holder, is_repository, is_uow
from agentls.patterns.facts import ClassFacts, FunctionFacts
from agentls.patterns.generated_init import field_is_param, takes_fields
from agentls.patterns.workspace import ClassRef

PUSH_OPS = frozenset({"append", "add", "appendleft", "insert", "setitem", "push"})
_POP_OPS = frozenset({"pop", "popleft", "remove", "discard", "clear"})


def public_methods(cls: ClassFacts) -> dict[str, FunctionFacts]:
    return {
        n: m
        for n, m in cls.methods.items()
        if not n.startswith("_") and m.kind in ("method", "staticmethod", "classmethod")
    }


def acts(m: FunctionFacts | None) -> bool:
    """A command's trigger acts and answers nothing (a strategy computes and returns), or at
    most a literal saying whether it did something (`return True` after changing the editor
    through what it holds)."""
    if m is None or m.is_stub or m.yields:
        return False
    if all(v == "none" for v in m.returns):
        return True
    changes = bool(m.attr_stores or m.self_writes or any(c.receiver.startswith("self") for c in m.calls))
    return changes and all(v in ("none", "const") for v in m.returns)


def undo_pair(cls: ClassFacts, names: set[str]) -> tuple[str, str] | None:
    """(do, undo): one method records into an own container what the other takes back out."""
    pushed: dict[str, str] = {}
    popped: dict[str, str] = {}
    for n in names:
        m = cls.methods.get(n)
        if m is None:
            continue
        for op in m.container_ops:
            if not op.container.startswith("self."):
                continue
            if op.op in PUSH_OPS:
                pushed.setdefault(op.container, n)
            elif op.op in _POP_OPS:
                popped.setdefault(op.container, n)
    for container, do in pushed.items():
        undo = popped.get(container)
        if undo is not None and undo != do:
            return do, undo
    return None


def _receiver_calls(ref: ClassRef, triggers: set[str], ctx: Ctx | None = None) -> set[str]:
    """The triggers that call a method on an attribute set from a constructor argument (its
    own constructor's, or a base's: `Command.__init__(self, editor)` keeping the editor every
    command acts on), or a field of a generated one (a dataclass's `drawable: Drawable`)."""
    lineage = [ref, *(ctx.ancestors(ref) if ctx else [])]
    inits = [c.cls.methods["__init__"] for c in lineage if "__init__" in c.cls.methods]
    given = {a for init in inits for a, vs in init.self_writes.items() if any(v.startswith("param:") for v in vs)}
    for i, c in enumerate(lineage):
        if takes_fields(c.cls, [a.cls for a in lineage[i + 1 :]]):
            given |= {n for n in c.cls.fields if field_is_param(c.cls, n)}
    if not given:
        return set()
    out = set()
    for name in triggers:
        m = ref.cls.methods.get(name)
        if m is not None and any(
            c.receiver.removeprefix("self.").split(".")[0] in given for c in m.calls if c.receiver.startswith("self.")
        ):
            out.add(name)
    return out


def _binds_made(ctx: Ctx, ref: ClassRef, triggers: set[str]) -> bool:
    """Its constructor makes the receiver itself, an object of a class of the program, and keeps
    the arguments it is handed, which its requests hand that receiver (`self.sender =
    SmsSender(); self.text = text`, `notify()` calling `self.sender.send(self.text)`): the
    receiver and the arguments are both bound when it is built, to be carried out later."""
    init = ref.cls.methods.get("__init__")
    if init is None:
        return False
    made = {
        a
        for a, vs in init.self_writes.items()
        if vs and all(v.startswith("call:") and ctx.resolve(v[5:], ref.module) is not None for v in vs)
    }
    kept = {a for a, vs in init.self_writes.items() if vs and all(v.startswith("param:") for v in vs)}
    own = [ref.cls.methods[t] for t in triggers if t in ref.cls.methods]
    return bool(made and kept and own) and all(
        any(
            c.receiver.removeprefix("self.") in made and {f"attr:self.{a}" for a in kept} & set(c.args)
            for c in m.calls
            if c.receiver.startswith("self.")
        )
        for m in own
    )


def _passes_through(ref: ClassRef, triggers: set[str]) -> bool:
    """Every request it defines only calls the same-named method of what it holds
    (`commit()` -> `self.session.commit()`, `rollback()` -> `self.session.rollback()`): it
    forwards the holder's own API unchanged (a transaction port over a session). A command
    turns its request into the receiver's action (`undo()` -> `self.account.withdraw()`)."""
    own = [ref.cls.methods[t] for t in triggers if t in ref.cls.methods]
    return bool(own) and all(
        bool(held := [c for c in m.calls if c.receiver.startswith("self.")]) and all(c.method == m.name for c in held)
        for m in own
    )


def _macro(ref: ClassRef, triggers: set[str]) -> bool:
    """Each request it defines runs the same request on every command it holds
    (`for cmd in self: cmd.invoke()`)."""
    own = [ref.cls.methods[t] for t in triggers if t in ref.cls.methods]
    return bool(own) and all(
        any(c.receiver == loop.target and c.method == m.name for loop in m.loops for c in m.calls if loop.target)
        for m in own
    )


def _binds_receiver(ref: ClassRef, triggers: set[str], ctx: Ctx | None = None) -> bool:
    """An attribute set from a constructor argument that the trigger calls a method on."""
    return bool(_receiver_calls(ref, triggers, ctx))


def _context_manager(ctx: Ctx, ref: ClassRef) -> bool:
    methods = ctx.all_methods(ref)
    return "__enter__" in methods or "__aenter__" in methods


def _answers(public: dict[str, FunctionFacts], triggers: set[str], impls: list[ClassRef]) -> bool:
    """The interface's main work is a question: a public method beside the triggers that takes
    arguments and whose implementations answer a value (a resolver's `resolve(host, port)` next
    to `close()`). A command's interface is its requests; an argument-less method that only
    releases what the service holds is its lifecycle."""
    for name, m in public.items():
        if name in triggers or not m.params:
            continue
        done = [d.cls.methods[name] for d in impls if name in d.cls.methods]
        if any(v != "none" for f in done for v in f.returns):
            return True
    return False


def _stub_base(ctx: Ctx, ref: ClassRef) -> bool:
    """A base of no base keeping what its constructor is handed (the receiver) beside public
    methods that are all empty (`def execute(self): pass`), two or more subclasses filling
    them in: an abstract command written without `@abstractmethod`."""
    cls = ref.cls
    public = public_methods(cls)
    if cls.bases or not public or not all(m.is_stub for m in public.values()) or "__init__" not in cls.methods:
        return False
    return sum(1 for d in ctx.concrete(ref) if set(public) & set(d.cls.methods)) >= 2


def command_interface(ctx: Ctx, ref: ClassRef) -> tuple[set[str], list[ClassRef], bool, bool] | None:
    """A small interface whose argument-less methods the implementations carry out for effect:
    (triggers, implementations, bound, reversible)."""
    cls = ref.cls
    if not cls.is_interface and not _stub_base(ctx, ref):
        return None
    public = public_methods(cls)
    # A command may be run by being called: an abstract `__call__` is a request too.
    call = cls.methods.get("__call__")
    if call is not None and (call.is_stub or call.abstract):
        public["__call__"] = call
    # The requests are the abstract methods; a base may carry a helper or two of its own
    # beside them (`save_backup()` and `undo()` over the editor every command holds).
    requests = {n: m for n, m in public.items() if m.is_stub or m.abstract}
    if not 1 <= len(requests) <= 3 or len(public) - len(requests) > 2:
        return None
    public = requests
    impls = [d for d in ctx.concrete(ref) if not is_data_holder(d.cls)]
    triggers = set()
    for name, m in public.items():
        if m.params or m.kind == "classmethod":
            continue
        # An implementation doing nothing (`NoCommand`, a null object filling empty slots)
        # says nothing about what the requests do.
        done = [d.cls.methods[name] for d in impls if name in d.cls.methods and not d.cls.methods[name].is_stub]
        if done and all(acts(f) for f in done):
            triggers.add(name)
    impls = [d for d in impls if triggers & set(d.cls.methods)]
    if not triggers or not impls:
        return None
    if _answers(public, triggers, impls):
        return None  # a service with a lifecycle (`resolve(host)` beside `close()`), not a request
    # Do and undo through a receiver: two or more argument-less requests, each of which every
    # implementation carries out on the receiver it was built with (`invoke()` deposits into
    # `self.account`, `undo()` withdraws). That is a command even with one implementation and
    # no invoker in the code (the client triggers it). Built with it by the class itself: a
    # transaction whose base keeps the connection commits and rolls back, it undoes nothing.
    bound_pairs = [
        d
        for d in impls
        if _receiver_calls(d, triggers) >= (triggers & set(d.cls.methods))
        and len(triggers & set(d.cls.methods)) >= 2
        and not _passes_through(d, triggers)
    ]
    # Macro commands running the same requests over the commands they hold count with them.
    reversible = (
        len(triggers) >= 2 and bool(bound_pairs) and all(d in bound_pairs or _macro(d, triggers) for d in impls)
    )
    # One implementation is a command family when it binds a receiver its request acts on
    # (`process()` calling `self.receiver.perform_action()`); it is then reported only with an
    # invoker that keeps one and triggers it.
    if len(impls) < 2 and not reversible and not all(_binds_receiver(d, triggers, ctx) for d in impls):
        return None
    # A command binds a receiver (GoF: "concrete command: binds receiver and arguments"), or
    # can take back what it did; an algorithm that only acts on its own (a duck's `fly()`
    # printing) is a strategy its context calls. A receiver it makes itself is bound too when
    # it hands it the arguments it was built with (`_binds_made`).
    bound = sum(_binds_receiver(d, triggers, ctx) or _binds_made(ctx, d, triggers) for d in impls)
    if bound * 2 < len(impls) and len(public) < 2:
        return None
    if _context_manager(ctx, ref) or any(_context_manager(ctx, d) for d in impls):
        return None  # a resource (lock, transaction) with open/close, not a request
    if is_uow(ctx, ref) or is_repository(ctx, ref):
        return None
    if any(kind_of(ctx, h) == "state" for h in held_families(ctx, ref)):
        return None  # implementations replacing one another in their context: State
    return triggers, impls, bound * 2 >= len(impls), reversible
