"""Units of work: transactions as context managers that hand out repositories."""

from __future__ import annotations

from agentls.patterns.context import Ctx, Ev, per_workspace
from agentls.patterns.detectors._basics import memo
from agentls.patterns.detectors._repositories import is_repository
from agentls.patterns.workspace import ClassRef

# (a MongoDB session's transaction: `commit_transaction` / `abort_transaction`)
_UNDO = frozenset({"rollback", "_rollback", "abort", "discard", "_discard", "cancel", "close", "abort_transaction"})
_FINISH = frozenset({"commit", "_commit", "complete", "_complete", "flush", "save_changes", "commit_transaction"})


def uow_evidence(ctx: Ctx, ref: ClassRef) -> list[Ev]:
    """A transaction as a context manager: leaving the `with` block undoes (rolls back) what
    was not finished (committed), and the object hands out repositories — or, without
    repositories, it commits and rolls back explicitly."""

    def compute() -> list[Ev]:
        methods = ctx.all_methods(ref)
        exit_ = methods.get("__exit__") or methods.get("__aexit__")
        if exit_ is None and ("__enter__" in methods or "__aenter__" in methods):
            return _library_uow(ctx, ref)
        if exit_ is None and "__enter__" not in methods and "__aenter__" not in methods:
            return _explicit_uow(ctx, ref)
        if exit_ is None or ("__enter__" not in methods and "__aenter__" not in methods):
            return []
        called = {c.method for c in exit_.calls}
        undo = sorted(n for n in exit_.self_calls if n in methods) + sorted(called & _UNDO)
        finish = [n for n in methods if not n.startswith("_") and n not in undo and n != exit_.name]
        finish += sorted(called & _FINISH)
        repos = [
            c.attr
            for r in [ref, *ctx.ancestors(ref)]
            for c in ctx.collabs(r).values()
            if any(is_repository(ctx, t) for t in c.types)
        ]
        names = set(methods) | called | {c.method for m in methods.values() for c in m.calls}
        # Without repositories it must roll back for real: closing a resource (a git `Repo`'s
        # `close()` beside its `commit()` object getter) undoes nothing.
        transactional = bool(names & _FINISH) and bool(names & (_UNDO - {"close"}))
        if not undo or not finish or not (repos or transactional):
            return []
        return [
            (exit_.selection.line, f"leaving the `with` block calls `{undo[0]}`"),
            (ref.cls.selection.line, f"owns repositories: {', '.join(f'`{r}`' for r in repos)}")
            if repos
            else (ref.cls.selection.line, "commits or rolls back the work done inside the block"),
        ]

    return memo(ctx, "uow", ref, compute)


def _explicit_uow(ctx: Ctx, ref: ClassRef) -> list[Ev]:
    """A unit of work its callers drive by hand, no `with` block: a concrete class holding a
    repository whose own `commit` and `rollback` end the transaction of the session it holds
    (`self.session.commit()` / `self.session.rollback()`). A session wrapper without a
    repository, or a repository that commits its own writes, is none."""
    if ref.cls.is_interface or ref.cls.abstract_methods:
        return []
    methods = ctx.all_methods(ref)
    ends = {}
    for step in ("commit", "rollback"):
        m = methods.get(step)
        if m is None or not any(c.method == step and (c.receiver or "").startswith("self.") for c in m.calls):
            return []
        ends[step] = m
    repos = [
        c.attr
        for r in [ref, *ctx.ancestors(ref)]
        for c in ctx.collabs(r).values()
        if any(is_repository(ctx, t) for t in c.types)
    ]
    if not repos or any(is_repository(ctx, r) for r in [ref, *ctx.ancestors(ref)]):
        return []
    return [
        (ends["commit"].selection.line, "`commit` and `rollback` end the transaction of the session it holds"),
        (ref.cls.selection.line, f"owns repositories: {', '.join(f'`{r}`' for r in repos)}"),
    ]


def _library_uow(ctx: Ctx, ref: ClassRef) -> list[Ev]:
    """A unit of work whose transaction handling (exit, commit, rollback) comes from a library
    base: its own `__enter__` opens the block and creates repositories over the block's
    session (`self.repository = AuthorRepository(self.session)`)."""
    if not ref.cls.bases or any(ctx.resolve(b, ref.module) is not None for b in ref.cls.bases):
        return []
    enter = ref.cls.methods.get("__enter__") or ref.cls.methods.get("__aenter__")
    if enter is None:
        return []
    for c in enter.calls:
        r = ctx.resolve(c.func, ref.module)
        over_own = any(a.startswith("attr:self.") for a in c.args)
        if (
            r is not None
            and (over_own or is_repository(ctx, r))
            and any(f"call:{c.func}" in v for v in enter.self_writes.values())
        ):
            attr = next(a for a, v in enter.self_writes.items() if f"call:{c.func}" in v)
            return [
                (enter.selection.line, f"entering the block creates `{r.cls.name}` over its session"),
                (ref.cls.selection.line, f"exposes it as `self.{attr}`; commit and rollback come from its base"),
            ]
    return []


# Asked of every class by several detectors, each time down all its descendants: kept per class.
@per_workspace
def is_uow(ctx: Ctx, ref: ClassRef) -> bool:
    return bool(uow_evidence(ctx, ref)) or any(uow_evidence(ctx, d) for d in ctx.descendants(ref))
