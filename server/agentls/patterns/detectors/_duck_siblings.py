"""The alternatives written beside a class handed to a duck-typed holder.

A program often hands its holder one implementation and writes the others beside it, for the
reader or for another configuration (`CustomerSupport(RandomOrdering())` with `FIFOOrdering`
and `FILOOrdering` in the same module; `AverageTrader(Coinbase())` beside `Binance`). A shared
method name alone proves nothing (`_duck`), but when the holder and a class handed to it are
written in one module, another class there that derives none of the program's classes as that
one does not, is made without arguments as that one is, and defines everything the holder
calls on what it is handed, is one of the interchangeable objects that module offers the
holder. (Classes in a module of their own, apart from the holder, may be tools the program
also uses on their own: one of them handed over chooses nothing.)
"""

from __future__ import annotations

from collections.abc import Collection

from agentls.patterns.context import Ctx
from agentls.patterns.detectors._shared import is_exception
from agentls.patterns.structural import passes_on
from agentls.patterns.test_code import is_test_module
from agentls.patterns.workspace import ClassRef


def siblings(
    ctx: Ctx, holder: ClassRef, hierarchy: set[str], called: Collection[str], handed: list[ClassRef]
) -> list[tuple[ClassRef, ClassRef]]:
    """(class, the handed class it is written beside) for each top-level class of the holder's
    module, when one of ``handed`` (what the program hands ``holder``, whose hierarchy is
    ``hierarchy`` and which calls ``called`` on it) sits there too, that defines all of
    ``called``: not an interface (a Protocol declaring them), not the holder's own kind, not a
    class passing those calls on to objects it keeps (a context, a wrapper, a subject), not an
    error, neither deriving nor derived by the program's classes, and made without arguments,
    like the class handed. Test modules offer fakes for the test, not alternatives."""
    out: list[tuple[ClassRef, ClassRef]] = []
    seen = {r.key for r in handed}
    for impl in handed:
        if impl.module is not holder.module or is_test_module(impl.module):
            continue  # classes of a module of their own may be tools used apart from the holder
        if ctx.ws.bases(impl) or not _bare(ctx, impl):
            continue  # a class deriving one of the program's is of a written family, judged by it
        for cls in impl.module.classes.values():
            ref = ClassRef(impl.module, cls)
            if ref.key in seen or ref.key in hierarchy or "." in cls.qualname or cls.is_interface or cls.is_protocol:
                continue
            theirs = ctx.all_methods(ref)
            if not all(n in theirs for n in called) or ctx.ws.bases(ref) or ctx.ws.subclasses(ref):
                continue
            if passes_on(cls, set(called)) or is_exception(ctx, ref) or not _bare(ctx, ref):
                continue
            seen.add(ref.key)
            out.append((ref, impl))
    return out


def _bare(ctx: Ctx, ref: ClassRef) -> bool:
    """Its constructor requires no argument: interchangeable as it stands. A class made with a
    payload of its own (`SimpleCommand("say hi")`) carries its own request, a command."""
    init = ctx.all_methods(ref).get("__init__")
    return init is None or all(p.has_default or p.name.startswith("*") for p in init.params)
