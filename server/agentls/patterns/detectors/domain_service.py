from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.detectors._domain_model import module_in_domain
from agentls.patterns.detectors._shared import (
    entity_evidence,
    is_repository,
    is_test_file,
    is_uow,
    mutates,
    value_object_evidence,
)
from agentls.patterns.facts import FunctionFacts
from agentls.patterns.model import Detection

_COLLECTIONS = frozenset(
    {"List", "list", "Sequence", "Iterable", "Collection", "Set", "set", "FrozenSet", "frozenset", "Tuple", "tuple"}
)


@register
class DomainService(Detector):
    """Domain logic that does not naturally belong to a single entity or value object (it
    weighs several of them) lives in a stateless domain service, expressed in the domain's own
    types and free of infrastructure. It keeps entities focused; overused, it drains behaviour
    from the model into procedures (an anaemic domain model).

    ## Roles
    - `domain_service`: a stateless function (or method of a stateless class) over domain objects.

    ## How it is detected
    A module function, or a method of a class without instance state, whose parameters are
    annotated with two or more domain types (entities, aggregates or value objects, possibly
    in a collection), that calls their methods or reads their attributes, and that touches no
    infrastructure: no unit of work, repository, session commit or SQL. In a domain package
    one parameter holding a collection of them is enough (`increase_price(products:
    List[Product], percentage)` weighs several products); outside it, it is not. The function
    or one of those types must be domain code (in a domain package): a library's function over
    its own identity-bearing objects (a task queue's `cleanup_execution(worker, execution)`)
    weighs no domain model.
    """

    id = "domain_service"
    category = "architecture"
    roles: ClassVar[dict[str, str]] = {"domain_service": "stateless domain logic over several domain objects"}

    def _check(self, ctx: Ctx, fn: FunctionFacts) -> list[tuple[int, str]]:
        if mutates(fn) or fn.sql or fn.with_items or fn.name.startswith("_"):
            return []
        if sum(1 for p in fn.params if p.annotation) < 2 and not any(
            (p.annotation or "").partition("[")[0].rpartition(".")[2] in _COLLECTIONS for p in fn.params
        ):
            return []  # cheap exit: two typed domain parameters, or a collection, are required
        domain = []
        several = 0  # domain objects weighed: one per parameter, several for a collection
        modelled = module_in_domain(ctx.index)  # the function, or one of its types, in domain code
        for p in fn.params:
            refs = ctx.annotation_refs(p.annotation, ctx.index)
            if any(is_uow(ctx, r) or is_repository(ctx, r) for r in refs):
                return []
            if any(entity_evidence(ctx, r) or value_object_evidence(ctx, r) for r in refs):
                domain.append(p.name)
                modelled = modelled or any(module_in_domain(r.module) for r in refs)
                # a collection of them (`products: List[Product]`) in the domain package itself
                # weighs several: `increase_price(products, percentage)`
                collection = (p.annotation or "").partition("[")[0].rpartition(".")[2] in _COLLECTIONS
                several += 2 if collection and module_in_domain(ctx.index) else 1
        used = {c.receiver for c in fn.calls} | {r.partition(".")[0] for r in fn.foreign_reads}
        loops = {loop.target for loop in fn.loops if loop.iter in domain}
        # A library's function over its own identity-bearing objects (a task queue's
        # `cleanup_execution(worker, execution)`) weighs no domain model.
        if several >= 2 and modelled and (set(domain) | loops) & (used | {c.receiver for c in fn.calls}):
            return [(fn.selection.line, f"works on the domain objects {', '.join(f'`{d}`' for d in domain)} only")]
        return []

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        if is_test_file(ctx.index):
            return  # fixtures and test helpers take domain objects too
        for fn in ctx.index.functions.values():
            ev = self._check(ctx, fn)
            if ev:
                yield ctx.det(fn, self.id, "domain_service", 0.75, ev)
        for ref in ctx.classes():
            if ref.cls.instance_attrs() or entity_evidence(ctx, ref) or value_object_evidence(ctx, ref):
                continue
            for m in ref.cls.methods.values():
                ev = self._check(ctx, m)
                if ev:
                    yield ctx.det(ref, self.id, "domain_service", 0.7, ev)
                    break
