"""How a Mediator keeps its colleagues, kept apart from ``mediator`` (module size): a collection
the program fills with new colleagues, one a method fills with what it is handed typed as a
colleague, and a hub handing itself to each colleague it registers."""

from __future__ import annotations

from agentls.patterns.context import Ctx, per_workspace
from agentls.patterns.facts import Call, ModuleIndex
from agentls.patterns.workspace import ClassRef


def handed_kind(ctx: Ctx, mediator: ClassRef, kinds: set[str]) -> bool:
    """The program hands the method filling one of the mediator's collections a new object of
    the colleague's kind (`company.register(Taxi("111", company))`): it keeps colleagues."""
    fillers: dict[str, int] = {}
    for m in mediator.cls.methods.values():
        names = [p.name for p in m.params if p.name != "self"]
        for op in m.container_ops:
            if m.is_public and op.container.startswith("self.") and op.arg[6:] in names:
                fillers[m.name] = names.index(op.arg[6:])
    if not fillers:
        return False
    calls = calls_by_method(ctx)
    for name, pos in fillers.items():
        for module, c in calls.get(name, ()):
            arg = c.args[pos] if len(c.args) > pos else ""
            r = ctx.resolve(arg[5:], module) if arg.startswith("call:") else None
            if r is not None and r.key in kinds:
                return True
    return False


@per_workspace
def calls_by_method(ctx: Ctx) -> dict[str, list[tuple[ModuleIndex, Call]]]:
    """Method name -> every call of it in the workspace's functions, methods and main blocks,
    with its module: `handed_kind` asks for one or two names per mediator and colleague, and
    walking every call of the workspace for each pair was three quarters of the mediator's map
    over Django + SQLAlchemy."""
    out: dict[str, list[tuple[ModuleIndex, Call]]] = {}
    for module in ctx.ws.modules():
        for unit in module.units():
            for c in unit.calls:
                out.setdefault(c.method, []).append((module, c))
    return out


def kept_by_annotation(ctx: Ctx, mediator: ClassRef, kinds: set[str]) -> bool:
    """A public method of the mediator keeps what it is handed, typed as the colleague's kind,
    in a collection of its own (`register_aircraft(self, aircraft: Aircraft)` appending it to
    `self.aircraft`): it keeps colleagues."""
    for m in mediator.cls.methods.values():
        if not m.is_public:
            continue
        for op in m.container_ops:
            p = m.param(op.arg[6:]) if op.container.startswith("self.") and op.arg.startswith("param:") else None
            if p is not None and any(t.key in kinds for t in ctx.annotation_refs(p.annotation, mediator.module)):
                return True
    return False


def registers(ctx: Ctx, mediator: ClassRef, colleague: ClassRef) -> bool:
    """A method of the hub keeps what it is handed in a collection of its own and hands itself
    to it through a method, an attribute or a property of the colleague
    (`aircraft.set_mediator(self)`, `user.room = self`): it registers colleagues that call it
    back, the two-way binding of a mediator, not an object handed to a callback. A hub of the
    colleague's own family is a tree node setting its children's parent (`child.parent =
    self`, a Composite), not a mediator."""
    if {a.key for a in ctx.ancestors(mediator)} & {a.key for a in ctx.ancestors(colleague)}:
        return False
    methods = ctx.all_methods(colleague)
    attrs = {a for m in methods.values() for a in m.self_writes}
    for m in mediator.cls.methods.values():
        kept = {
            op.arg[6:] for op in m.container_ops if op.container.startswith("self.") and op.arg.startswith("param:")
        }
        if any(c.receiver in kept and c.args == ("self",) and c.method in methods for c in m.calls):
            return True
        if any(
            st.receiver in kept and st.value == "self" and (st.attr in attrs or st.attr in methods)
            for st in m.attr_stores
        ):
            return True
    return False


@per_workspace
def relays(ctx: Ctx) -> dict[str, tuple[int, str]]:
    """{class key: (line, evidence)} for hubs relaying between the members they keep, with no
    back-reference: a public method keeps what it is handed in a collection of its own, typed
    as a program class (`enter(self, user: User)`), and another, handed one member of that
    kind, goes over the kept ones and hands a call the given member together with each other
    one (`for receiver in self._users: self.deliver(sender, receiver, text)`): members
    interacting through it, not each told alone (an observer's subject calls each
    subscriber's `update()`). The abstract bases of the hub declaring that method are the
    mediator's interface."""
    out: dict[str, tuple[int, str]] = {}
    for r in ctx.ws.all_classes():
        kept: dict[str, str] = {}  # container -> annotation of what is kept
        for m in r.cls.methods.values():
            for op in m.container_ops:
                p = m.param(op.arg[6:]) if m.is_public and op.arg.startswith("param:") else None
                if p is not None and p.annotation and op.container.startswith("self.") and op.op in ("append", "add"):
                    kept[op.container] = p.annotation
        for m in r.cls.methods.values():
            if not m.is_public or m.name.startswith("__"):
                continue
            for loop in m.loops:
                ann = kept.get(loop.iter)
                given = [p.name for p in m.params if ann is not None and p.annotation == ann]
                kind = ctx.annotation_refs(ann, r.module) if ann else []
                if not given or not loop.target or not kind or any(k.key == r.key for k in kind):
                    continue
                for c in m.calls:
                    if f"name:{loop.target}" in c.args and any(f"param:{g}" in c.args for g in given):
                        what = f"`{m.name}` relays what one kept `{kind[0].cls.name}` sends to each of the others"
                        out[r.key] = (m.selection.line, what)
                        for a in ctx.ancestors(r):
                            if a.cls.is_interface and c.method in a.cls.abstract_methods:
                                out.setdefault(
                                    a.key,
                                    (
                                        a.cls.methods[c.method].selection.line,
                                        f"declares `{c.method}`, which `{r.cls.name}` relays through",
                                    ),
                                )
    return out
