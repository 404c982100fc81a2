"""How a library configures a context with an algorithm: a base that is an interface only in
its hooks, and a constructor parameter the object may be left out of."""

from __future__ import annotations

from agentls.patterns.facts import FunctionFacts
from agentls.patterns.workspace import ClassRef


def _hooks(ref: ClassRef) -> set[str]:
    """The class's own public methods left to its subclasses: abstract, or raising
    `NotImplementedError`."""
    return {
        n
        for n, m in ref.cls.methods.items()
        if not n.startswith("_") and (m.abstract or m.body_kind == "not_implemented")
    }


def hooked_impls(iface: ClassRef, impls: list[ClassRef], called: set[str]) -> list[ClassRef]:
    """The implementations of ``iface`` read as an interface in its hooks, or none when it is
    not one: a concrete base whose hooks (its own public methods raising `NotImplementedError`,
    or abstract) the holder calls, two or more implementations carrying them out
    (`BaseTransport.handle_request` beside a `close` doing nothing; a `Signer` asking any
    `SigningAlgorithm` for `get_signature`). Its helpers with a default body do not make it a
    plain base its subclasses merely specialise (a subclass fixing its own implementation in a
    class attribute does, and hands the holder nothing). The implementations are those adding
    no hook of their own for a further subclass: an intermediate base raising
    `NotImplementedError` for a new `do_open` is no algorithm yet; one refusing an operation of
    the base (`keys()`) still is one."""
    hooks = _hooks(iface)
    asked = hooks & called
    if not asked or sum(bool(asked & set(i.cls.methods)) for i in impls) < 2:
        return []
    carrying = [i for i in impls if not _hooks(i) - hooks]
    return carrying if len(carrying) >= 2 else []


def optional_in_constructor(holder: ClassRef, attr: str) -> bool:
    """The holder's constructor keeps in ``attr`` a parameter its callers may leave out
    (`highlighter: Highlighter | None = None`, `algorithm=None` replaced by a default): the
    object configures the holder, which works without one being chosen. A Bridge's abstraction
    cannot work without its implementor and requires it."""
    init = holder.cls.methods.get("__init__")
    return init is not None and _optional(init, attr)


def optional_anywhere(holder: ClassRef, attr: str) -> bool:
    """A method of the holder (its constructor, or one configuring it later:
    `configure(region_invalidator=None)`) keeps in ``attr`` a parameter its callers may leave
    out."""
    return any(_optional(m, attr) for m in holder.cls.methods.values())


def _optional(m: FunctionFacts, attr: str) -> bool:
    for written in m.self_writes.get(attr, []):
        kind, _, name = written.removeprefix("pick:").partition(":")
        p = m.param(name) if kind == "param" else None
        if p is not None and p.has_default:
            return True
    return False
