"""Command families: the request interfaces (`_command_interfaces`), their implementations,
invokers and tables the Command detector reports, and the runs other detectors ask about
(`command_runs`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from agentls.patterns.context import Ctx, per_workspace
from agentls.patterns.detectors._basics import near
from agentls.patterns.detectors._closure_commands import closure_commands
from agentls.patterns.detectors._command_interfaces import PUSH_OPS, acts, command_interface, public_methods, undo_pair
from agentls.patterns.detectors._duck_runners import members
from agentls.patterns.detectors._translations import translates
from agentls.patterns.facts import FunctionFacts
from agentls.patterns.workspace import ClassRef


@dataclass
class _Family:
    """A command family: the interface (None for a duck-typed family), its triggers (the
    methods an invoker calls to run a command) and the concrete commands."""

    iface: ClassRef | None
    triggers: set[str]
    impls: list[ClassRef]
    invokers: list[tuple[ClassRef, FunctionFacts, str]] = field(default_factory=list)
    table: str = ""  # a module-level table of command instances
    bound: bool = True  # most implementations bind a receiver
    reversible: bool = False  # every implementation does and takes back through its receiver


def _stored(ctx: Ctx, ref: ClassRef) -> tuple[set[str], set[str]]:
    """(attributes holding a command given from outside, containers it is stored in)."""
    single = {c.attr for c in ctx.collabs(ref).values() if c.from_param and not c.container}
    containers = set()
    for m in ref.cls.methods.values():
        for op in m.container_ops:
            if op.container.startswith("self.") and op.arg.startswith("param:") and op.op in PUSH_OPS:
                containers.add(op.container[5:].rstrip("[]"))
    return single, containers


@per_workspace
def command_families(ctx: Ctx) -> list[_Family]:
    """Every command family of the workspace, with its invokers and tables (cached)."""
    fams: list[_Family] = []
    for ref in ctx.ws.all_classes():
        found = command_interface(ctx, ref)
        if found:
            fams.append(_Family(ref, found[0], found[1], bound=found[2], reversible=found[3]))
    by_trigger: dict[str, list[_Family]] = {}
    for f in fams:
        for t in f.triggers:
            by_trigger.setdefault(t, []).append(f)
    duck: dict[frozenset[str], _Family] = {}
    for ref in ctx.ws.all_classes():
        _invocations(ctx, ref, by_trigger, duck)
    fams.extend(duck.values())
    for f in fams:
        # Implementations handing themselves to the holder's adder (`subject.register(self)`)
        # subscribe to it: observers of a subject, where commands are handed to an invoker by
        # the program that made them.
        f.invokers = [i for i in f.invokers if not _subscribed(ctx, i[0], f.impls)]
        if not f.bound:
            # Implementations acting on their own, and a holder calling two or more of their
            # requests: it uses a device's API (`turn_on()` / `turn_off()`, `connect()`), it
            # does not run requests it was handed.
            api = set(public_methods(f.iface.cls)) if f.iface is not None else f.triggers
            f.invokers = [i for i in f.invokers if len(_triggers_called(i[0], api)) < 2]
        # A holder presenting another interface whose every method it serves by one request of
        # the object it was handed converts that object: an adapter, not an invoker.
        api = set(public_methods(f.iface.cls)) if f.iface is not None else f.triggers
        f.invokers = [i for i in f.invokers if not translates(ctx, i[0], api)]
        if f.iface is not None and len(f.impls) == 1 and not f.reversible:
            # One implementation: a port with its adapter unless the invoker is handed commands
            # after it is built (`invoker.command(cmd)`, a list it fills) to run later.
            f.invokers = [i for i in f.invokers if _set_later(i[0], i[1], i[2])]
    _tables(ctx, fams)
    return fams


def command_runs(ctx: Ctx) -> set[tuple[str, str]]:
    """(invoker class key, trigger) for every command family's invoker: a class running the
    requests it keeps, which an observer's notification loop resembles."""
    # A command run by being called is what an observer loop calling each element does: "()".
    runs = {(r.key, "()" if t == "__call__" else t) for f in command_families(ctx) for r, _, t in f.invokers}
    return runs | {(r.key, "()") for r, _ in closure_commands(ctx).invokers}


def _subscribed(ctx: Ctx, holder: ClassRef, impls: list[ClassRef]) -> bool:
    """One of ``impls`` calls, on another object, a method of the holder storing what it is
    handed into a container of the holder, passing itself (`self.data.register_observer(self)`)."""
    adders = {
        m.name
        for r in (holder, *ctx.ancestors(holder))
        for m in r.cls.methods.values()
        if any(op.op in PUSH_OPS and op.container[:5] == "self." and op.arg[:6] == "param:" for op in m.container_ops)
    }
    return bool(adders) and any(
        c.method in adders and "self" in c.args and c.receiver and c.receiver != "self"
        for i in impls
        for m in i.cls.methods.values()
        for c in m.calls
    )


def _set_later(ref: ClassRef, m: FunctionFacts, trigger: str) -> bool:
    """The attribute the invoker runs the trigger on is set from an argument outside its
    constructor (a setter) or filled into a container."""
    attrs = {c.receiver[5:].rstrip("[]") for c in m.calls if c.method == trigger and c.receiver.startswith("self.")}
    for fn in ref.cls.methods.values():
        if fn.name == "__init__":
            continue
        if any(a in attrs and any(v.startswith("param:") for v in vs) for a, vs in fn.self_writes.items()):
            return True
        if any(op.container[5:].rstrip("[]") in attrs and op.arg.startswith("param:") for op in fn.container_ops):
            return True
    # A loop over a kept container (`for cmd in self.history: cmd.undo()`).
    return any(loop.iter.startswith("self.") for loop in m.loops)


def _triggers_called(ref: ClassRef, triggers: set[str]) -> set[str]:
    """The most requests called on one object the class keeps (`self.client.turn_on()` and
    `self.client.turn_off()`); commands handed in and run (`cmd.execute()`, `cmd.undo()`) are
    not a device the class operates."""
    per: dict[str, set[str]] = {}
    for m in ref.cls.methods.values():
        for c in m.calls:
            if c.method in triggers and c.receiver.startswith("self.") and "[" not in c.receiver:
                per.setdefault(c.receiver, set()).add(c.method)
    return max(per.values(), key=len, default=set())


def _invocations(
    ctx: Ctx, ref: ClassRef, by_trigger: dict[str, list[_Family]], duck: dict[frozenset[str], _Family]
) -> None:
    """Record ``ref`` as an invoker of the families whose trigger it runs on a command it was
    given: kept in an attribute or a container, or received and stored."""
    methods = ref.cls.methods
    single: set[str] | None = None
    containers: set[str] = set()
    received_args: set[str] | None = None
    for m in methods.values():
        if m.name == "__init__" or not m.calls:
            continue
        for call in m.calls:
            receiver, method = call.receiver, call.method
            if not call.args and "__call__" in by_trigger and _called_kept(ref, m, call.func):
                receiver, method = call.func, "__call__"  # `command()`, `self.command()`: run by a call
            elif not receiver or call.args or method.startswith("_"):
                continue
            own = methods.get(method)
            fams = by_trigger.get(method)
            if own is not None and not own.params and not (fams and _typed_kept(ctx, ref, m, receiver, fams)):
                # A peer answering the same request (composite, decorator), not an invoker; but a
                # controller whose own `execute()` runs the commands it keeps, typed as the
                # family's interface (`queue: list[Command]`), is an invoker.
                continue
            if not fams and not receiver.startswith("self."):
                continue  # neither a known trigger nor a held object (the duck-typed form)
            if single is None:
                single, containers = _stored(ctx, ref)
            attr = receiver[5:].rstrip("[]") if receiver.startswith("self.") else ""
            held = attr in single and "[" not in receiver
            kept = attr in containers
            looped = any(loop.target == receiver and loop.iter[5:].rstrip("[]") in containers for loop in m.loops)
            if received_args is None:
                # stored into a container it keeps, or handed to an object it keeps
                # (`self.history.push(command)`: the history of what it ran)
                received_args = {
                    op.arg for f in methods.values() for op in f.container_ops if op.container.startswith("self.")
                } | {a for f in methods.values() for c in f.calls if c.receiver.startswith("self.") for a in c.args}
            received = f"param:{receiver}" in received_args
            if not (held or kept or looped or received):
                continue
            collab = ctx.collabs(ref).get(attr) if held else None
            types = collab.types if collab is not None else []
            p = m.param(receiver) if received else None
            if p is not None and p.annotation:
                types = ctx.annotation_refs(p.annotation, ref.module)
            if fams:
                for f in fams:
                    assert f.iface is not None
                    family = {f.iface.key, *(d.key for d in ctx.descendants(f.iface))}
                    if ref.key in family or any(a.key in family for a in ctx.ancestors(ref)):
                        continue  # a composite or decorator of its own kind
                    if types and not any(t.key in family for t in types):
                        continue
                    if not types and not _sees(ctx, ref, f.iface, family):
                        continue  # an untyped list of commands runs those its module can see
                    if not any(r == ref for r, _, _ in f.invokers):
                        f.invokers.append((ref, m, method))
            elif len(types) >= 2 and collab is not None:
                _duck(ctx, ref, m, collab.attr, set(collab.methods), types, duck)
            elif kept and not types and not by_trigger.get(method):
                _listed(ctx, ref, m, attr, method, duck)


def _called_kept(ref: ClassRef, m: FunctionFacts, func: str) -> bool:
    """``func`` is an object the class keeps, called: a loop variable over one of its containers
    (`for command in self.queue: command()`) or an attribute that no method of its defines
    (`self.command()`)."""
    if "." not in func:
        return any(loop.target == func and loop.iter[:5] == "self." for loop in m.loops)
    attr = func[5:] if func[:5] == "self." else ""
    return attr.isidentifier() and attr not in ref.cls.methods


def _typed_kept(ctx: Ctx, ref: ClassRef, m: FunctionFacts, receiver: str, fams: list[_Family]) -> bool:
    """The object the call goes to is kept in an attribute (or a container looped over in
    ``m``) annotated as one of the families (`command: Optional[Command]`)."""
    attrs = {receiver[5:].rstrip("[]")} if receiver.startswith("self.") else set()
    attrs |= {loop.iter[5:].rstrip("[]") for loop in m.loops if loop.target == receiver and loop.iter[:5] == "self."}
    kinds = {k for f in fams if f.iface is not None for k in (f.iface.key, *(d.key for d in ctx.descendants(f.iface)))}
    collabs = ctx.collabs(ref)
    return any(t.key in kinds for a in attrs if (c := collabs.get(a)) is not None for t in c.types)


def _sees(ctx: Ctx, ref: ClassRef, iface: ClassRef, family: set[str]) -> bool:
    """The invoker's module can see the family: near its interface, or importing one of its
    classes, perhaps through a package re-exporting it (`from app.commands import NoCommand`
    filling the empty slots of a remote control)."""
    if near(ref, iface, ctx):
        return True
    return any((r := ctx.resolve(name, ref.module)) is not None and r.key in family for name in ref.module.import_map)


def _duck(
    ctx: Ctx,
    ref: ClassRef,
    m: FunctionFacts,
    attr: str,
    called: set[str],
    types: list[ClassRef],
    duck: dict[frozenset[str], _Family],
) -> None:
    """A holder typed as a union of unrelated classes that all answer what it calls, each
    undoing in one method what it records in another: an undoable duck-typed command."""
    if any(t == ref for t in types) or not all(called <= set(t.cls.methods) for t in types):
        return
    if not all(len(public_methods(t.cls)) <= 3 and undo_pair(t.cls, called) for t in types):
        return
    k = frozenset(t.key for t in types)
    f = duck.setdefault(k, _Family(None, called, list(types)))
    if not any(r == ref for r, _, _ in f.invokers):
        f.invokers.append((ref, m, next(iter(sorted(called)))))


def _listed(
    ctx: Ctx, ref: ClassRef, m: FunctionFacts, attr: str, trigger: str, duck: dict[frozenset[str], _Family]
) -> None:
    """An untyped container of requests (duck typing): the program hands the method filling it
    two or more classes answering the trigger (`_duck_runners.members`), each acting through a
    receiver it holds (`self._receiver.run()`): duck-typed commands, the class their invoker."""
    adders = [
        (f.name, f.params.index(p))
        for f in ref.cls.methods.values()
        for op in f.container_ops
        if f.name != "__init__" and op.op in PUSH_OPS and op.container[5:].rstrip("[]") == attr
        if op.container.startswith("self.") and (p := f.param(op.arg[6:])) is not None and op.arg[:6] == "param:"
    ]
    if len(adders) != 1:
        return
    sites = members(ctx, ref, attr, *adders[0], trigger, m.selection.line)
    impls = list({x.cls.key: x.cls for x in sites}.values())
    for i in impls:
        run = ctx.all_methods(i).get(trigger)
        held = ctx.collabs(i)
        if (
            run is None
            or not acts(run)
            or not any(c.receiver[5:] in held for c in run.calls if c.receiver[:5] == "self.")
        ):
            return
    if impls:
        f = duck.setdefault(frozenset(i.key for i in impls), _Family(None, {trigger}, impls))
        if not any(r == ref for r, _, _ in f.invokers):
            f.invokers.append((ref, m, trigger))


def _tables(ctx: Ctx, fams: list[_Family]) -> None:
    """A module-level table (dict or list) of two or more command instances, picked at run time."""
    owner: dict[str, _Family] = {}
    for f in fams:
        for i in f.impls:
            owner.setdefault(i.key, f)
    if not owner:
        return
    for module in ctx.ws.modules():
        for name, entries in module.dicts.items():
            made: dict[int, set[str]] = {}
            for e in entries:
                for v in e.values:
                    r = ctx.resolve(v[:-2], module) if v.endswith("()") else None
                    fam = owner.get(r.key) if r is not None else None
                    if fam is not None and r is not None:
                        made.setdefault(id(fam), set()).add(r.key)
            for f in fams:
                if len(made.get(id(f), ())) >= 2 and not f.table:
                    f.table = f"{module.module}.{name}"
