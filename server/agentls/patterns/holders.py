"""The classes holding a class's objects: by annotation or instantiation, or by duck typing (a
parameter kept untyped and called with the target's methods), less the duck-typed holders
the method names cannot tie to the target. Duck typing stays inside one program
(``programs.same_program``): an examples repository's command folder cannot be handed the
bridge folder's implementors, whatever method names they share."""

from __future__ import annotations

from typing import TYPE_CHECKING

from agentls.patterns.programs import same_program
from agentls.patterns.workspace import ClassRef

if TYPE_CHECKING:  # `Ctx.holders` asks this module: only the types are needed here
    from agentls.patterns.context import Collab, Ctx


def holders_of(ctx: Ctx, target: ClassRef) -> list[tuple[ClassRef, Collab]]:
    """What ``Ctx.holders`` answers (and keeps per target) for a canonical ``target``."""
    typed: dict[str, list[tuple[ClassRef, Collab]]] = ctx._cache.get("holders") or {}
    # Duck-typed holders (a parameter kept and called, with no type), and for each method
    # name the positions of those calling it: a target is matched only against the
    # holders calling one of its abstract methods, not against all of them.
    duck: list[tuple[ClassRef, Collab, frozenset[str]]] = ctx._cache.get("duck") or []
    calling: dict[str, list[int]] = ctx._cache.get("duck_calling") or {}
    if "holders" not in ctx._cache:
        for ref in ctx.ws.all_classes():
            for c in ctx.collabs(ref).values():
                for t in c.types:
                    typed.setdefault(t.key, []).append((ref, c))
                if c.from_param and not c.types and c.methods:
                    for name in c.methods:
                        calling.setdefault(name, []).append(len(duck))
                    duck.append((ref, c, frozenset(c.methods)))
        ctx._cache["holders"] = typed
        ctx._cache["duck"] = duck
        ctx._cache["duck_calling"] = calling
    out = list(typed.get(target.key, []))
    abstract = target.cls.abstract_methods or set(target.cls.public_methods)
    offered = ctx.all_methods(target)
    candidates = sorted({i for name in abstract for i in calling.get(name, ())})
    for i in candidates:
        ref, c, called = duck[i]
        # Duck typing by one shared method name (`close`, `get`) proves nothing; calling
        # two of its methods, or the whole of a one-method interface, does.
        if (
            all(name in offered for name in called)
            and (len(called) >= 2 or called >= abstract)
            and ref != target
            and same_program(ctx.ws, ref.module, target.module)
            and not _passes_on(ctx, ref, called, target)
            and not (_answered_elsewhere(ctx, called, target, ref) and not _handed_kin(ctx, ref, c.attr, target))
        ):
            out.append((ref, c))
    return out


def _answered_elsewhere(ctx: Ctx, called: frozenset[str], target: ClassRef, holder: ClassRef) -> bool:
    """Another written family, unrelated to ``target``, declares every method called too
    (a listener interface's `execute` and a middleware base's `execute`): the names alone
    cannot tell which the untyped object is. Unless ``holder`` is written in one module with
    ``target``'s family and the other family in a module that neither imports nor is imported
    by it: a copy of the same example kept beside it (`exercise.py` and `solution.py` each
    defining the strategies and the solver calling them) is another program."""
    key = ("duck answerers", called)
    bases: list[ClassRef] | None = ctx._cache.get(key)
    if bases is None:
        # Only the classes defining one of the names themselves can define them all: asked for
        # 50 name sets over Django + SQLAlchemy, a walk over every class each time was a third
        # of the held families' map.
        pool = ctx.by_method(public=False).get(min(called), []) if called else ctx.ws.all_classes()
        bases = [r for r in pool if (r.cls.is_interface or ctx.ws.subclasses(r)) and called <= set(r.cls.methods)]
        ctx._cache[key] = bases
    # The detectors' module-relation helper (as `_handed_kin` reads the handing sites).
    from agentls.patterns.detectors import near

    kin = _family(ctx, target)
    own = any(a.module is holder.module for a in (target, *ctx.ancestors(target)))
    return any(
        r.key not in kin
        and not kin & {a.key for a in ctx.ancestors(r)}
        and not (own and not near(holder, r))
        and same_program(ctx.ws, holder.module, r.module)
        for r in bases
    )


def _family(ctx: Ctx, target: ClassRef) -> set[str]:
    """The keys of ``target``, its ancestors and its descendants: one family of classes."""
    return {target.key, *(a.key for a in ctx.ancestors(target)), *(d.key for d in ctx.descendants(target))}


def _handed_kin(ctx: Ctx, holder: ClassRef, attr: str, target: ClassRef) -> bool:
    """The program hands ``holder`` (or it makes there itself) an object of ``target``'s family
    (`Context(ConcreteStrategyA())`, `context.set_strategy(ConcreteStrategyB())`): what the
    names shared with another family leave open, the object handed settles."""
    # The detectors read the handing sites (`_duck`, which imports the context module, which
    # imports this one); their package offers the reader, its private modules stay its own.
    from agentls.patterns.detectors import handed_to

    kin = _family(ctx, target)
    return any(r.key in kin or kin & {a.key for a in ctx.ancestors(r)} for r in handed_to(ctx, holder, attr))


def _passes_on(ctx: Ctx, ref: ClassRef, called: frozenset[str], target: ClassRef) -> bool:
    """A base outside ``target``'s family, whose subclasses implement what it calls on the
    object it was given, hands work on to its own kind (a middleware base's
    `self.next.execute(command)`, each middleware overriding `execute`): a chain, not a
    holder of whatever other family shares the method names. (A context delegating a
    method of the same name, with no subclass of its own, still holds the family.)"""
    if not called <= set(ctx.all_methods(ref)) or target in ctx.ancestors(ref):
        return False
    return any(called & set(d.cls.methods) for d in ctx.descendants(ref))
