from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.detectors._shared import uow_evidence
from agentls.patterns.model import Detection
from agentls.patterns.workspace import ClassRef


@register
class UnitOfWork(Detector):
    """Treats a business operation as one atomic unit: it opens a transaction, gives access to
    the repositories, and either commits everything or rolls back when the `with` block
    ends. Services stay free of session handling and partial writes cannot leak; the cost is
    one more abstraction and care with events and nested units.

    ## Roles
    - `abstract_unit_of_work`: the interface services depend on.
    - `unit_of_work`: an implementation bound to a session or a fake.

    ## How it is detected
    A context manager (`__enter__`/`__exit__`, possibly inherited) whose `__exit__` calls a
    method of its own (rollback), that has another public method (commit), and that holds at
    least one attribute typed as, or created from, a class detected as a repository (its own
    or inherited). Without repositories, a context manager whose exit commits or rolls back
    (`_complete` / `_discard`, `session.rollback()`, a MongoDB session's `commit_transaction()`
    / `abort_transaction()`) and that has both a commit and a rollback step is a unit of work
    too; closing a resource is no rollback (a git repository object's
    `close()` beside a `commit(rev)` getter). A plain context manager (a lock, a file) has
    neither.

    When the transaction handling comes from a library base (`AsyncSQLAlchemyUnitOfWork`),
    a class whose own `__enter__`/`__aenter__` creates repositories over its session
    (`self.repository = AuthorRepository(self.session)`) is the unit of work. An interface
    with `__exit__` that such a unit of work implements is the `abstract_unit_of_work`, and
    its other implementations (a fake that does not transact) are units of work too.

    A unit of work its callers drive by hand (no `with` block: `try: repo.add(x) except:
    uow.rollback(); raise; uow.commit()`) is one when it holds a repository and its own `commit`
    and `rollback` end the transaction of the session it holds; the interface declaring
    `commit` and `rollback` that it implements is the port, and so is a per-feature port
    between them (`TaskUnitOfWork(AbstractUnitOfWork[TaskRepository])`).
    """

    id = "unit_of_work"
    category = "architecture"
    roles: ClassVar[dict[str, str]] = {"abstract_unit_of_work": "the interface", "unit_of_work": "an implementation"}

    def _port(self, ctx: Ctx, ref: ClassRef) -> ClassRef | None:
        """The abstract unit of work this class is or implements: an interface with `__exit__`
        (or `commit` and `rollback`) and a concrete descendant that is a unit of work."""
        for r in [ref, *ctx.ancestors(ref)]:
            if not (r.cls.is_interface or r.cls.declares_abstract):
                continue
            methods = ctx.all_methods(r)
            # the port of a unit of work driven by hand declares `commit` and `rollback` instead
            ended = "__exit__" in methods or "__aexit__" in methods or {"commit", "rollback"} <= set(methods)
            if ended and any(uow_evidence(ctx, d) for d in ctx.concrete(r)):
                return r
        return None

    @staticmethod
    def _narrows(ctx: Ctx, ref: ClassRef) -> bool:
        """Units of work that transact derive this class, which does not itself."""
        return not uow_evidence(ctx, ref) and any(uow_evidence(ctx, d) for d in ctx.descendants(ref))

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        for ref in ctx.classes():
            ev = uow_evidence(ctx, ref)
            if not ev:
                # The port, and the implementations of it that do not transact (a fake).
                port = self._port(ctx, ref)
                if port == ref:
                    impls = [d for d in ctx.concrete(ref) if uow_evidence(ctx, d)]
                    why = [(ref.cls.selection.line, f"the port `{impls[0].cls.name}` implements")]
                    yield ctx.det(
                        ref,
                        self.id,
                        "abstract_unit_of_work",
                        0.8,
                        why,
                        [(d, "unit_of_work") for d in ctx.concrete(ref) if not self._narrows(ctx, d)],
                    )
                elif port is not None and self._narrows(ctx, ref):
                    # a per-feature port between the generic one and its implementations
                    # (`TaskUnitOfWork(AbstractUnitOfWork[TaskRepository])`) is a port too
                    why = [(ref.cls.selection.line, f"narrows the unit-of-work port `{port.cls.name}`")]
                    yield ctx.det(ref, self.id, "abstract_unit_of_work", 0.75, why, [(port, "abstract_unit_of_work")])
                elif port is not None and not ref.cls.is_interface:
                    why = [(ref.cls.selection.line, f"implements the unit-of-work port `{port.cls.name}`")]
                    yield ctx.det(ref, self.id, "unit_of_work", 0.75, why, [(port, "abstract_unit_of_work")])
                continue
            abstract = ref.cls.is_interface or bool(ref.cls.abstract_methods)
            role = "abstract_unit_of_work" if abstract else "unit_of_work"
            parts = (
                [(d, "unit_of_work") for d in ctx.descendants(ref)]
                if abstract
                else [(a, "abstract_unit_of_work") for a in ctx.ancestors(ref) if uow_evidence(ctx, a)]
            )
            yield ctx.det(ref, self.id, role, 0.85, ev, parts)
