"""The program's code that may hand objects over: every function, method and main block outside
test modules and test classes, listed once per workspace with the method names each calls."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from agentls.patterns.context import Ctx, per_workspace
from agentls.patterns.facts import FunctionFacts, ModuleIndex
from agentls.patterns.test_code import is_test_module
from agentls.patterns.workspace import ClassRef

Unit = tuple[ModuleIndex, FunctionFacts, ClassRef | None]


@per_workspace
def _units(ctx: Ctx) -> tuple[list[Unit], dict[str, list[int]]]:
    """Every function, method and main block outside test modules, in workspace order, and for
    each method name the positions of those calling it. Asked by a hundred holders and
    runners, each after the few units calling one name: listed once, not walked per question
    (that walk was a third of the analysis over Django + SQLAlchemy)."""
    units: list[Unit] = []
    calling: dict[str, list[int]] = {}
    for module in ctx.ws.modules():
        if is_test_module(module):
            continue
        here: list[tuple[FunctionFacts, ClassRef | None]] = [(f, None) for f in module.functions.values()]
        here += [(m, ClassRef(module, c)) for c in module.classes.values() for m in c.methods.values()]
        here += [(module.toplevel, None)] if module.toplevel else []
        for fn, owner in here:
            for name in {c.method for c in fn.calls}:
                calling.setdefault(name, []).append(len(units))
            units.append((module, fn, owner))
    return units, calling


def handing_units(
    ctx: Ctx, wanted: Callable[[FunctionFacts], bool] | None = None, calling: str | None = None
) -> Iterator[Unit]:
    """(module, function, its class) of every function, method and main block that may hand
    the program's objects over: a test handing a double (`Controller(ModelMock())`), or a fake
    beside the real thing, chooses nothing at run time. ``calling``: only those with a call of
    that method or function name (`x.add(...)`, `mod.Runner(...)`); ``wanted``, a cheap test
    of the function's own calls, runs before the test-class check (which reads its
    ancestors)."""
    units, by_name = _units(ctx)
    tests: dict[str, bool] = ctx._cache.setdefault("duck test classes", {})  # class key -> is_test_case
    for i in by_name.get(calling, ()) if calling is not None else range(len(units)):
        module, fn, owner = units[i]
        if wanted is not None and not wanted(fn):
            continue
        if fn.name.startswith("test"):
            continue
        if owner is not None:
            test = tests.get(owner.key)
            if test is None:
                test = tests[owner.key] = is_test_case(ctx, owner)
            if test:
                continue
        yield module, fn, owner


def is_test_case(ctx: Ctx, ref: ClassRef) -> bool:
    """A test class outside a test module's name (`utest_views.py`): deriving a `...TestCase`
    or named `Test...`, itself or through an ancestor. Shared by the families, facade and state;
    narrower than test_code's rule (no `...Test` names) as it applies in every module."""
    return any(
        r.cls.name.startswith("Test") or any(b.rpartition(".")[2].endswith("TestCase") for b in r.cls.bases)
        for r in [ref, *ctx.ancestors(ref)]
    )
