"""Implied interfaces: a family that exists only by duck typing.

Pythonic code often writes no interface at all: `Duck(fly)` keeps the object it is handed and
calls `self.fly.fly()`, and the program hands it a `FlyWithWings()` here and a `FlyNoWay()`
there (`duck.set_fly(FlyNoWay())`, `duck.fly = FlyNoWay()`). The interface is implied by what
the holder calls; its implementations are the classes the program actually hands to the
holder that define all those methods. A shared method name alone (`close`, `run`) proves
nothing: only the classes seen handed at a constructor, a setter or an attribute of the
holder count, with the alternatives written beside one of them in the holder's module
(`_duck_siblings`), and two distinct ones at least.

The implied interface is given a ``ClassRef`` of its own (a Protocol of stubs named after the
attribute, `Context._strategy`, placed at the attribute), so that strategy, state and bridge
judge the family with the rules they apply to a written interface (`_families.Held`). This
module finds the slots and what is handed to them; `_duck_families` makes the families.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from agentls.patterns.context import Ctx, per_workspace
from agentls.patterns.detectors._classes_set import class_named
from agentls.patterns.detectors._handing import handing_units
from agentls.patterns.detectors._init_params import init_position, writes_param
from agentls.patterns.facts import Call, FunctionFacts, ModuleIndex, Value
from agentls.patterns.workspace import ClassRef


@dataclass
class Site:
    """One place where the program hands a class's instance to the holder."""

    cls: ClassRef
    module: ModuleIndex
    line: int
    how: str  # `Context(ConcreteStrategyA())`, `.set_fly(FlyNoWay())`, `.strategy = B()`
    own: bool = False  # made by the holder's hierarchy itself, not handed by a client


@dataclass
class Slot:
    """A holder's attribute that is called and not typed: where an implied family may live."""

    holder: ClassRef
    attr: str
    hierarchy: set[str]  # the holder and its descendants: a subclass made or set counts
    called: dict[str, int]  # method called on `self.<attr>` -> line
    sites: list[Site] = field(default_factory=list)


def _slots(ctx: Ctx) -> list[Slot]:
    """Untyped attributes some class of a hierarchy calls methods on, kept by the topmost class
    of that hierarchy that writes or calls them (`Shape(renderer)` keeping what `Circle.draw`
    calls: the base holds it)."""
    out: list[Slot] = []
    for ref in ctx.ws.all_classes():
        for attr, c in ctx.collabs(ref).items():
            # Typed by an annotation: a written interface, or one class. (A class made into the
            # attribute is one of the implementations: `self.state = Empty()`.)
            typed = [t for t in c.types if t not in c.instantiated]
            if typed or c.container or any(attr in ctx.collabs(a) for a in ctx.ancestors(ref)):
                continue
            subs = ctx.descendants(ref)
            called = dict(c.methods)
            for d in subs:
                dc = ctx.collabs(d).get(attr)
                if dc is not None:
                    for name, line in dc.methods.items():
                        called.setdefault(name, line)
            # Only protocol hooks called (`self.receiver.__composite_values__()`, `__eq__`): the
            # held values take part in a language or library protocol, not an algorithm chosen.
            if called and not all(_hook(n) for n in called):
                out.append(Slot(ref, attr, {ref.key, *(d.key for d in subs)}, called))
    return out


def _hook(name: str) -> bool:
    return name.startswith("__") and name.endswith("__") and name != "__call__"


def instance_made(ctx: Ctx, module: ModuleIndex, value: Value) -> ClassRef | None:
    """The workspace class an argument is an instance of: made in place (`B()`), or a module
    variable made from it (`FAST = B()`)."""
    if value.startswith("name:"):
        value = module.assigns.get(value[5:], "")
    return ctx.ws.resolve(module, value[5:]) if value.startswith("call:") else None


def defines(ctx: Ctx, ref: ClassRef, s: Slot) -> bool:
    theirs = ctx.all_methods(ref)
    return ref.key not in s.hierarchy and all(n in theirs for n in s.called)


class Hand:
    """Records what one function hands to the slots. A local handed (`context =
    Context(strategy_a)`) is the object made before it in the function: the nearest one made
    of a class defining what the holder calls, and, when the function hands as many locals as
    it made such objects (`a = A(); b = B(); Context(a); context.set(b)`), each of them."""

    def __init__(self, ctx: Ctx, module: ModuleIndex, fn: FunctionFacts, owner: ClassRef | None) -> None:
        self.ctx, self.module, self.fn, self.owner = ctx, module, fn, owner
        self._made: list[tuple[int, ClassRef]] | None = None
        self.locals: dict[int, tuple[Slot, list[tuple[str, int, str]]]] = {}

    def reach(self, receiver: str, slots: list[Slot], line: int) -> list[Slot]:
        """The slots a call or store on ``receiver`` may reach: those of the receiver's class
        when the code says it (`context = Context(...)` at module level, `self.context` typed
        `Context`, a parameter `context: Context`), else those of the classes made before in
        the function; else, from a class defining what a slot's holder calls (a state
        switching its context: `context.state = Closed()`), the candidates (the caller keeps
        a single one)."""
        value = self.module.assigns.get(receiver, "")
        known = [r] if value.startswith("call:") and (r := self.ctx.ws.resolve(self.module, value[5:])) else []
        if receiver.startswith("self.") and self.owner is not None:
            c = self.ctx.collabs(self.owner).get(receiver[5:])
            known = c.types if c is not None else []
        elif (p := self.fn.param(receiver)) is not None:
            known = self.ctx.annotation_refs(p.annotation, self.module)
        if known:
            return [s for s in slots if any(k.key in s.hierarchy for k in known)]
        here = [s for s in slots if any(r.key in s.hierarchy for at, r in self.made() if at < line)]
        owner = self.owner
        return here or [s for s in slots if owner is not None and defines(self.ctx, owner, s)]

    def made(self) -> list[tuple[int, ClassRef]]:
        if self._made is None:
            made = [(c.line, r) for c, r in self.ctx.instantiations(self.fn, self.module)]
            self._made = sorted(made, key=lambda x: x[0])
        return self._made

    def __call__(self, s: Slot, value: Value, line: int, how: str) -> None:
        ref = instance_made(self.ctx, self.module, value)
        if ref is None and value.startswith("param:") and (p := self.fn.param(value[6:])) is not None:
            # A parameter typed as the class handed on (`uc(boundary: BoundaryFake)`).
            typed = self.ctx.annotation_refs(p.annotation, self.module)
            ref = typed[0] if len(typed) == 1 else None
        if ref is not None:
            s.sites.append(Site(ref, self.module, line, how.replace("?", f"{ref.cls.name}()")))
        elif value.startswith("name:") and value[5:] not in self.module.assigns:
            self.locals.setdefault(id(s), (s, []))[1].append((value[5:], line, how.replace("?", value[5:])))

    def close(self) -> None:
        for s, handed in self.locals.values():
            names = sorted({n for n, _, _ in handed})
            last = max(at for _, at, _ in handed)
            made = {r.key: (at, r) for at, r in self.made() if at < last and defines(self.ctx, r, s)}
            if len(made) <= len(names):
                given = ", ".join(f"`{n}`" for n in names[:3])
                for at, r in made.values():
                    how = f"`{r.cls.name}()` made here; {given} handed to `{s.holder.cls.name}`"
                    s.sites.append(Site(r, self.module, at, how))
                continue
            for _, line, how in handed:  # one name made again and again: the nearest object
                before = [r for at, r in self.made() if at < line and defines(self.ctx, r, s)]
                if before:
                    s.sites.append(Site(before[-1], self.module, line, how))


def _collect_sites(ctx: Ctx, slots: list[Slot]) -> None:
    by_key: dict[str, list[Slot]] = {}
    for s in slots:
        for k in s.hierarchy:
            by_key.setdefault(k, []).append(s)
    by_attr: dict[str, list[Slot]] = {}
    for s in slots:
        by_attr.setdefault(s.attr, []).append(s)
    # Setters: (method name) -> [(slot, parameter position)]; property setters by name too.
    setters: dict[str, list[tuple[Slot, int]]] = {}
    props: dict[str, list[Slot]] = {}
    makers: set[tuple[int, str]] = set()  # (slot, setter) making the object from the class handed
    for s in slots:
        for key in sorted(s.hierarchy):
            cls = ctx.ws.derived.by_key.get(key)
            for name, m in cls.cls.methods.items() if cls is not None else ():
                at = writes_param(m, s.attr) if name != "__init__" else -1
                if at >= 0 and m.kind == "property":
                    props.setdefault(name, []).append(s)
                elif at >= 0:
                    setters.setdefault(name, []).append((s, at))
                elif name != "__init__" and (at := writes_param(m, s.attr, "call:")) >= 0:
                    setters.setdefault(name, []).append((s, at))  # handed the class it makes
                    makers.add((id(s), name))
    # (class key, attribute) -> its constructor's parameter kept there: asked per call made.
    positions: dict[tuple[str, str], int] = {}
    for module, fn, owner in handing_units(ctx):
        hand = Hand(ctx, module, fn, owner)
        for call in fn.calls:
            if not call.args:
                continue
            # A class made with the object (`Context(ConcreteStrategyA())`, a subclass of
            # the holder inheriting its constructor included).
            tail = call.method
            target = ctx.ws.resolve(module, call.func) if tail[:1].isupper() else None
            if target is not None and target.key in by_key:
                for s in by_key[target.key]:
                    known = positions.get((target.key, s.attr))
                    at = positions[target.key, s.attr] = init_position(ctx, target, s.attr) if known is None else known
                    if 0 <= at < len(call.args):
                        hand(s, call.args[at], call.line, f"`{target.cls.name}(?)` hands it over")
                continue
            if tail == "__init__" and owner is not None and owner.key in by_key:
                _hand_to_base(ctx, hand, owner, call, by_key[owner.key], positions)
                continue
            found = setters.get(call.method)
            if not found:  # no setter of that name: nothing to reach (most calls)
                continue
            reach = {id(s) for s in hand.reach(call.receiver, [s for s, _ in found], call.line)}
            hits = [(s, at) for s, at in found if id(s) in reach]
            if len(hits) == 1 and hits[0][1] < len(call.args):
                arg, how = call.args[hits[0][1]], f"`.{call.method}(?)` hands it over"
                if (id(hits[0][0]), call.method) in makers:  # `duck.set_fly(Rocket)`: as if `Rocket()`
                    made = class_named(ctx, module, arg)
                    arg = f"call:{arg[5:]}" if made is not None else ""
                    how = f"`.{call.method}({arg[5:]})` hands over the class it makes"
                hand(hits[0][0], arg, call.line, how)
        for st in fn.attr_stores:
            kept = [*props.get(st.attr, []), *by_attr.get(st.attr, [])]
            stored = hand.reach(st.receiver, kept, st.line) if kept else []
            if len(stored) == 1:
                hand(stored[0], st.value, st.line, f"`.{st.attr} = ?` hands it over")
        hand.close()
    for s in slots:
        _own_writes(ctx, s)


def _hand_to_base(
    ctx: Ctx, hand: Hand, owner: ClassRef, call: Call, slots: list[Slot], positions: dict[tuple[str, str], int]
) -> None:
    """A subclass handing its base's constructor the object the base keeps
    (`super().__init__(Quack())`, `Duck.__init__(self, fly, quack)` after `quack = Quack()`):
    the hierarchy configures itself with one of the implementations."""
    if call.receiver == "super()":
        base, args = next(iter(ctx.ws.bases(owner)), None), call.args
    else:
        base, args = ctx.ws.resolve(owner.module, call.receiver), call.args[1:]  # `self` first
    if base is None or base not in ctx.ancestors(owner):
        return
    for s in slots:
        known = positions.get((base.key, s.attr))
        at = positions[base.key, s.attr] = init_position(ctx, base, s.attr) if known is None else known
        if s.holder.key in {base.key, *(a.key for a in ctx.ancestors(base))} and 0 <= at < len(args):
            hand(s, args[at], call.line, f"`{owner.cls.name}` hands `{base.cls.name}.__init__` ?")


def _own_writes(ctx: Ctx, s: Slot) -> None:
    """The hierarchy's own methods making what it keeps (`self.fly = FlyWithWings()` in a
    subclass, `self.state = Closed()` on a transition), and keeping what the held object
    answers (`self.state = self.state.review()`): the classes those methods of the classes
    already seen return (`return Reviewed()`)."""
    answers: set[str] = set()
    for key in sorted(s.hierarchy):
        cls = ctx.ws.derived.by_key.get(key)
        if cls is None:
            continue
        for m in cls.cls.methods.values():
            for v in m.self_writes.get(s.attr, ()):
                if v.startswith(f"call:self.{s.attr}."):
                    answers.add(v.rpartition(".")[2])
                made = instance_made(ctx, cls.module, v)
                # Made around the one it keeps (`self.resolver = Override(self.resolver)`): a
                # wrapper of the current object, not another implementation replacing it.
                if made is not None and not any(c.func == v[5:] and f"attr:self.{s.attr}" in c.args for c in m.calls):
                    how = f"`self.{s.attr} = {made.cls.name}()`"
                    s.sites.append(Site(made, cls.module, m.selection.line, how, own=True))
    todo = [x.cls for x in s.sites if defines(ctx, x.cls, s)]
    seen = {r.key for r in todo}
    while todo and answers:
        ref = todo.pop()
        for name in sorted(answers):
            step = ctx.all_methods(ref).get(name)
            for r in ctx.returned_classes(step, ref.module) if step is not None else ():
                how = f"`{ref.cls.name}.{name}` returns `{r.cls.name}()`, kept in `self.{s.attr}`"
                s.sites.append(Site(r, ref.module, step.selection.line if step is not None else 0, how, own=True))
                if r.key not in seen and defines(ctx, r, s):
                    seen.add(r.key)
                    todo.append(r)


@per_workspace
def handed_slots(ctx: Ctx) -> list[Slot]:
    """Every slot with the sites where it is handed (or makes) its objects: walked once, read
    by the implied families and by the holders' check (`handed_to`)."""
    slots = _slots(ctx)
    _collect_sites(ctx, slots)
    return slots


@per_workspace
def _slot_at(ctx: Ctx) -> dict[tuple[str, str], Slot]:
    return {(k, s.attr): s for s in handed_slots(ctx) for k in sorted(s.hierarchy)}


def handed_to(ctx: Ctx, holder: ClassRef, attr: str) -> list[ClassRef]:
    """The classes whose objects the program hands ``holder``'s untyped ``self.<attr>`` (at its
    constructor, a setter, a store), or that its hierarchy makes there itself."""
    s = _slot_at(ctx).get((holder.key, attr))
    return list({x.cls.key: x.cls for x in s.sites}.values()) if s is not None else []
