"""Name resolution and class hierarchies for the creational detectors.

Script-style example code imports its siblings by bare module name (`from small_chair import
SmallChair` in `factory/chair_factory.py`); when two folders define the same names the
workspace cannot tell them apart and leaves the name unresolved. Here a name the workspace
leaves unresolved is looked up once more in the importing module's own package, and the class
hierarchy is rebuilt over that resolution, once per workspace.
"""

from __future__ import annotations

from agentls.patterns.context import Ctx
from agentls.patterns.facts import FunctionFacts, ModuleIndex
from agentls.patterns.workspace import ClassRef

_SKIP_BASES = frozenset({"ABC", "Protocol", "object", "Generic"})


def resolve(ctx: Ctx, name: str, module: ModuleIndex | None = None) -> ClassRef | None:
    """The class ``name`` refers to in ``module``: the workspace's answer, or failing that the
    class of that name in a sibling module the import names."""
    module = module or ctx.index
    found = ctx.ws.resolve(module, name)
    if found is not None or not name:
        return found
    key = ("creational_resolve", module.path, name)
    if key in ctx._cache:
        return ctx._cache[key]  # type: ignore[no-any-return]
    bare = name.removesuffix("()")
    head, _, rest = bare.partition(".")
    target = module.import_map.get(head)
    out: ClassRef | None = None
    if target is not None:
        package = module.module.rpartition(".")[0]
        qualified = f"{target}.{rest}" if rest else target
        if package:
            out = ctx.ws.derived.by_key.get(f"{package}.{qualified}")
    ctx._cache[key] = out
    return out


def returned_classes(ctx: Ctx, fn: FunctionFacts, module: ModuleIndex | None = None) -> list[ClassRef]:
    """Classes of the workspace whose new instances ``fn`` returns (`return Cls(...)`)."""
    out: list[ClassRef] = []
    for value in fn.returns:
        if value.startswith("call:"):
            r = resolve(ctx, value[5:], module)
            if r is not None and r not in out:
                out.append(r)
    return out


def _hierarchy(ctx: Ctx) -> tuple[dict[str, list[ClassRef]], dict[str, list[ClassRef]]]:
    """(bases, subclasses) of every class, keyed by class key, over ``resolve``."""
    key = ("creational", "hierarchy")
    hit = ctx._cache.get(key)
    if hit is None:
        bases: dict[str, list[ClassRef]] = {}
        subs: dict[str, list[ClassRef]] = {}
        for ref in ctx.ws.all_classes():
            found = []
            for b in ref.cls.bases:
                if b.rpartition(".")[2] in _SKIP_BASES:
                    continue
                r = resolve(ctx, b, ref.module)
                if r is not None and r != ref and r not in found:
                    found.append(r)
                    subs.setdefault(r.key, []).append(ref)
            bases[ref.key] = found
        hit = ctx._cache[key] = (bases, subs)
    return hit


def _closure(ctx: Ctx, ref: ClassRef, up: bool) -> list[ClassRef]:
    key = ("creational", "up" if up else "down", ref.key)
    hit = ctx._cache.get(key)
    if hit is not None:
        return hit  # type: ignore[no-any-return]
    step = _hierarchy(ctx)[0 if up else 1]
    out: list[ClassRef] = []
    seen = {ref.key}
    todo = [ref]
    while todo and len(out) < 500:
        for nxt in step.get(todo.pop(0).key, []):
            if nxt.key not in seen:
                seen.add(nxt.key)
                out.append(nxt)
                todo.append(nxt)
    ctx._cache[key] = out
    return out


def ancestors(ctx: Ctx, ref: ClassRef) -> list[ClassRef]:
    return _closure(ctx, ref, True)


def descendants(ctx: Ctx, ref: ClassRef) -> list[ClassRef]:
    return _closure(ctx, ref, False)


def shared_bases(ctx: Ctx, made: list[ClassRef]) -> list[ClassRef]:
    """The classes every one of ``made`` is or derives from (their common interface)."""
    if len(made) < 2:
        return []
    common = set.intersection(*({p.key} | {a.key for a in ancestors(ctx, p)} for p in made))
    shared = [a for a in [made[0], *ancestors(ctx, made[0])] if a.key in common]
    # The nearest ones: not the bases of a shared base (`Field`, not its mixins too).
    above = {b.key for a in shared for b in ancestors(ctx, a)}
    return [a for a in shared if a.key not in above]
