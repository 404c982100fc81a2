"""A strategy handed to the method that runs it, of a family written nowhere (duck typing).

`calculator.compute(order, Vat())` and `calculator.compute(order, Excise())`, where `Vat` and
`Excise` share no base and each defines `rate()`, the one method `compute` calls on what it is
handed: the interface is implied by that call, as for a held duck family (`_duck`). A shared
method name alone proves nothing, so only the classes the program actually hands to that
parameter count (instances made without arguments, or the classes themselves: `_passed`), and
they must bring two or more different definitions of what the method calls: classes that all
inherit one definition (a template method of their base) vary nothing there. The method must
hand them something to work on (`rate(order)`): objects only asked for a value (`item.text()`)
describe themselves rather than run an algorithm. Classes that pass those calls on to objects
they keep (wrappers, chains) and errors are not algorithms.
"""

from __future__ import annotations

from agentls.patterns.context import Ctx, line_range
from agentls.patterns.detectors._message_kinds import is_exception
from agentls.patterns.facts import ClassFacts, FunctionFacts, ModuleIndex, new_function_facts
from agentls.patterns.structural import passes_on
from agentls.patterns.workspace import ClassRef


def _called(method: FunctionFacts, param: str) -> set[str]:
    """What the method calls on the parameter; `__call__` when it calls the object itself."""
    called = {c.method for c in method.calls if c.receiver == param}
    if any(c.func == param for c in method.calls):
        called.add("__call__")
    return called


def _definer(ctx: Ctx, ref: ClassRef, name: str) -> str:
    """The class whose definition of ``name`` ``ref`` uses (itself or the nearest ancestor)."""
    for a in [ref, *ctx.ancestors(ref)]:
        if name in a.cls.methods:
            return a.key
    return ""


def duck_family(ctx: Ctx, given: list[ClassRef], method: FunctionFacts, param: str) -> list[ClassRef]:
    """The handed classes forming an implied family for ``method``'s ``param``: each defines all
    the method calls on it, and together they bring two or more definitions of it."""
    called = _called(method, param)
    if not called or any(n.startswith("__") and n != "__call__" for n in called):
        return []  # protocol hooks (`__eq__`, `__enter__`) are shared by every kind of value
    if not any(c.args for c in method.calls if c.receiver == param or c.func == param):
        # An algorithm works on what the runner hands it (`tax.compute(order)`); a method asked
        # for a value with nothing to work on (`item.text()`) is a polymorphic description.
        return []
    family = [
        g
        for g in given
        if not g.cls.is_interface
        and not g.cls.is_protocol
        and all(n in ctx.all_methods(g) for n in called)
        and not passes_on(g.cls, called)
        and not is_exception(ctx, g)
    ]
    definitions = {tuple(_definer(ctx, g, n) for n in sorted(called)) for g in family}
    return family if len(family) >= 2 and len(definitions) >= 2 else []


def stand_in(home: ModuleIndex, method: FunctionFacts, param: str, impl: ClassRef, ctx: Ctx) -> ClassRef:
    """A Protocol of stubs for what the method calls on the parameter (signatures taken from one
    implementation), named after the parameter and placed at the method."""
    rng = line_range(method.selection.line)
    theirs = ctx.all_methods(impl)
    qual = f"{method.qualname}.{param}"
    methods = {
        n: new_function_facts(n, f"{qual}.{n}", rng, rng, "method", list(theirs[n].params), None, [], True, "stub", 1)
        for n in sorted(_called(method, param))
    }
    cls = ClassFacts(qual.rpartition(".")[2], qual, rng, rng, bases=["Protocol"], methods=methods)
    return ClassRef(home, cls)
