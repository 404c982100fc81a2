"""Why a held family is not a strategy: the reasons Strategy's docs give, one test each."""

from __future__ import annotations

from agentls.patterns.context import Ctx
from agentls.patterns.detectors._director_holders import directs
from agentls.patterns.detectors._factory_clients import keeps_factory_products
from agentls.patterns.detectors._families import Held
from agentls.patterns.detectors._messages import message_roles
from agentls.patterns.detectors._shared import is_repository, is_test_module, is_uow
from agentls.patterns.detectors._translations import translates
from agentls.patterns.detectors.layer_violation import layer_of
from agentls.patterns.workspace import ClassRef


def _port(ctx: Ctx, iface: ClassRef, impls: list[ClassRef]) -> bool:
    """A port of dependency inversion: declared in an inner layer (domain, service) and
    implemented only in the adapters layer (an event publisher over a message broker), so the
    implementation is chosen by the composition root, not as an algorithm."""
    layers = ctx.settings.layers
    names = [n for n, _ in layers]
    if "adapters" not in names:
        return False
    outer = names.index("adapters")
    inner = layer_of(iface.module.module, layers)
    if inner is None or inner == outer or names[inner] not in ("domain", "service"):
        return False
    return all(layer_of(i.module.module, layers) == outer for i in impls if not is_test_module(i.module))


def _holds_several(ctx: Ctx, h: Held) -> bool:
    """The context keeps two or more implementations of the family in separate attributes
    (`self.chain1 = Dispenser50(); self.chain2 = Dispenser20()`): it uses them together, it
    is not configured with one interchangeable algorithm."""
    family = {i.key for i in h.impls}
    kept = [c for c in ctx.collabs(h.holder).values() if any(t.key in family for t in c.instantiated)]
    return len(kept) >= 2


def _fixed(h: Held) -> bool:
    """The context is never configured: it is not handed the object and only ever makes one
    concrete class (`self._decompressobj: ZLibDecompressor = ZLibDecompressor()`), so nothing
    interchangeable is chosen; or it calls nothing on what it keeps (a body it sends)."""
    if not h.collab.methods:
        return True
    kinds = {t.key for t in h.collab.types}
    return not h.collab.from_param and len(kinds) == 1 and h.interface.key not in kinds


def _uses_little_of(ctx: Ctx, h: Held) -> bool:
    """A wide interface (five or more public methods) of which the context calls fewer than
    half: it works with a rich object (a parser it pauses, a column type it asks for a
    processor), not with an algorithm. A strategy's interface is the algorithm, and its
    context calls most of it."""
    offered = [n for n in ctx.all_methods(h.interface) if not n.startswith("_")]
    called = set(h.collab.methods) & set(offered)
    return len(offered) >= 5 and len(called) * 2 < len(offered)


def _adapts(ctx: Ctx, h: Held) -> bool:
    """The holder is one implementation of an interface of its own, beside others that do not
    hold the family, and carries out that interface's abstract methods through the object it
    keeps (`TurkeyAdapter(Duck).quack()` calling `self.turkey.gobble()`): it adapts the held
    object to its interface, it is not configured with an algorithm."""
    # An adapter wraps one adaptee; a handler given a unit of work and a hasher, using the
    # hasher for one step of its work, adapts neither.
    if sum(c.from_param for c in ctx.collabs(h.holder).values()) > 1:
        return False
    family = {h.interface.key, *(d.key for d in ctx.descendants(h.interface))}
    through = {n for n, m in h.holder.cls.methods.items() if h.collab.attr in m.self_reads}
    for anc in ctx.ancestors(h.holder):
        if anc.key in family or not anc.cls.is_interface or not through & anc.cls.abstract_methods:
            continue
        others = [d for d in ctx.concrete(anc) if d != h.holder and h.holder not in ctx.ancestors(d)]
        if any(h.collab.attr not in ctx.collabs(d) for d in others):
            return True
    return False


def _api(ctx: Ctx, iface: ClassRef) -> set[str]:
    return {n for n in ctx.all_methods(iface) if not n.startswith("_")}


def _carries_messages(ctx: Ctx, iface: ClassRef) -> bool:
    """An interface whose methods take any command, query or event (typed as the base of a
    family of messages, `post(event: Event)`): a bus or a publisher."""
    for m in iface.cls.methods.values():
        if m.is_public and m.params:
            for r in ctx.annotation_refs(m.params[0].annotation, iface.module):
                if len(ctx.descendants(r)) >= 2 and message_roles(ctx, r):
                    return True
    return False


def rejected(ctx: Ctx, h: Held) -> bool:
    """A held family that is not a strategy for one of the reasons the docs give."""
    return (
        is_repository(ctx, h.interface)  # a persistence port: a repository or unit of work
        or is_uow(ctx, h.interface)
        or _port(ctx, h.interface, h.impls)  # an inner layer's port implemented by adapters: wiring
        or _carries_messages(ctx, h.interface)  # an event bus or publisher port (`post(event: Event)`)
        or _holds_several(ctx, h)  # several implementations kept at once (assembling a chain)
        or _fixed(h)  # one concrete class made in place, or nothing delegated: no choice
        or _uses_little_of(ctx, h)  # a few calls into a wide interface: a collaborator
        or _adapts(ctx, h)  # an adapter serving its own interface through the held object
        or _adapters(ctx, h)  # every implementation converts the calls to another class: targets
        or translates(ctx, h.holder, _api(ctx, h.interface))  # the same, the interface a Protocol
        or _grows(h)  # it keeps what the held object answers: a value built up, not an algorithm
        or _hands_out(h)  # it makes the object and hands it to its caller: a creator keeping track
        or keeps_factory_products(ctx, h)  # filled by an abstract factory: its client, keeping products
        or directs(ctx, h)  # runs a builder's steps and hands out the product it made: a director
    )


def _hands_out(h: Held) -> bool:
    """A method that makes a new object into the attribute and returns it (`begin()` doing
    `self._transaction = RootTransaction(self); return self._transaction`): the holder creates
    and tracks what its caller works with; nothing configures it with an algorithm."""
    attr = h.collab.attr
    return any(
        f"attr:self.{attr}" in m.returns and any(v.startswith("call:") for v in m.self_writes.get(attr, []))
        for m in h.holder.cls.methods.values()
    )


def _grows(h: Held) -> bool:
    """The holder replaces what it keeps by what that object answers (`self.statement =
    self.statement.subquery()`): an immutable value built up step by step."""
    prefix = f"call:self.{h.collab.attr}."
    return any(
        v.startswith(prefix) for m in h.holder.cls.methods.values() for v in m.self_writes.get(h.collab.attr, [])
    )


def _adapters(ctx: Ctx, h: Held) -> bool:
    """Every implementation carries out each interface method it defines by calling a method
    of another of the program's classes under another name, one at least by inheriting that
    class (`AdapterClass(Target, Adaptee).request()` calling `self.specific_request()`), the
    others through an object they keep: an Adapter's target, its holder a client. Algorithms
    compute; they do not all convert one call into another class's call."""
    api = _api(ctx, h.interface)
    family = {h.interface.key, *(i.key for i in h.impls)}
    inherited = False
    for impl in h.impls:
        bases = [a for a in ctx.ancestors(impl) if a.key not in family and not a.cls.is_interface]
        theirs = {n for a in bases for n in a.cls.methods if not n.startswith("_")}
        kept = set(ctx.collabs(impl))
        own = [m for n, m in impl.cls.methods.items() if n in api]
        if not own:
            return False
        for m in own:
            via_base = {k.method for k in m.calls if k.receiver == "self" and k.method in theirs - api}
            via_kept = {
                k.method
                for k in m.calls
                if k.receiver.startswith("self.") and k.receiver[5:] in kept and k.method not in api
            }
            if not (via_base or via_kept):
                return False
            inherited |= bool(via_base)
    return inherited
