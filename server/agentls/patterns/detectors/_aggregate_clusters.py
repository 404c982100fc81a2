"""What an aggregate's cluster is made of: the domain classes a class holds (typed, or kept
from a typed parameter), whether a method changes them, and the repositories storing each
domain class whole (repositories exist per aggregate)."""

from __future__ import annotations

from agentls.patterns.context import Ctx, per_workspace
from agentls.patterns.detectors._messages import message_roles
from agentls.patterns.detectors._shared import (
    behaviour_methods,
    entity_evidence,
    in_domain,
    is_repository,
    repository_port_evidence,
    value_object_evidence,
)
from agentls.patterns.facts import FunctionFacts
from agentls.patterns.workspace import ClassRef


def domain_part(ctx: Ctx, ref: ClassRef) -> bool:
    """An entity, or a value object with behaviour; a bare frozen record is not a domain type."""
    if message_roles(ctx, ref):
        return False
    if entity_evidence(ctx, ref):
        return True
    return bool(value_object_evidence(ctx, ref)) and any(m.kind == "method" for m in behaviour_methods(ref.cls))


WRAPS = frozenset({"sorted", "list", "set", "tuple", "frozenset", "dict", "deque", "OrderedDict"})


@per_workspace
def held_classes(ctx: Ctx, ref: ClassRef) -> dict[str, list[ClassRef]]:
    """The classes each attribute holds: its collaborator types, and the element type of a
    typed parameter it keeps in a new collection (`self.tables = sorted(tables, key=...)`
    with `tables: List[Table]`)."""
    out = {a: list(c.types) for a, c in ctx.collabs(ref).items()}
    for m in ref.cls.methods.values():
        for attr, values in m.self_writes.items():
            for v in values:
                wrap = v[5:] if v.startswith("call:") else ""
                if wrap.rpartition(".")[2] not in WRAPS:
                    continue
                for c in m.calls:
                    if c.func != wrap:
                        continue
                    for a in c.args:
                        p = m.param(a[6:]) if a.startswith("param:") else None
                        for t in ctx.annotation_refs(p.annotation if p else None, ref.module):
                            if t not in out.setdefault(attr, []):
                                out[attr].append(t)
    return out


def identifier_attr(attr: str) -> bool:
    """An attribute naming another aggregate's identity (`event_id`, `owner_uuid`)."""
    return attr.strip("_").lower().endswith(("_id", "_uuid"))


def changes_cluster(ctx: Ctx, m: FunctionFacts, members: list[ClassRef]) -> bool:
    """The method changes the cluster: its own state, one of its collections, a member's
    attribute, or a member through a method of the member's that changes it (directly or by a
    step of its own). A loop that only reads its members (yielding their results, or building
    a new copy of the root from theirs) guards nothing."""
    if m.self_writes or m.attr_stores or any(op.container.startswith("self.") for op in m.container_ops):
        return True
    changing: set[str] = set()
    for t in members:
        methods = ctx.all_methods(t)
        found = {
            n
            for n, f in methods.items()
            if f.self_writes or any(op.container.startswith("self.") for op in f.container_ops)
        }
        # a method changing the member through a step it calls (`confirm()` -> `self._set(...)`)
        grew = True
        while grew:
            more = {n for n, f in methods.items() if n not in found and f.self_calls & found}
            grew = bool(more)
            found |= more
        changing |= {n for n in found if n != "__init__"}
    return any(c.method in changing for c in m.calls)


@per_workspace
def stored_whole(ctx: Ctx) -> dict[str, ClassRef]:
    """Domain classes a repository stores or hands back whole (its generic argument, or what
    its methods take and return): repositories exist per aggregate. Keyed by class, the value
    is the (first) repository."""
    return {key: repos[0] for key, repos in stored_by(ctx).items()}


@per_workspace
def stored_by(ctx: Ctx) -> dict[str, list[ClassRef]]:
    """Every repository storing or handing back each domain class, keyed by class."""
    out: dict[str, list[ClassRef]] = {}
    for repo in ctx.ws.all_classes():
        # (an implementation of a repository port is one too, though its own methods alone
        # would not say so: `OrderRepository(OrderRepositoryInterface)` over a generic port)
        if not (repository_port_evidence(ctx, repo) or is_repository(ctx, repo)):
            continue
        anns = [a for m in repo.cls.methods.values() for a in (m.returns_annotation, *(p.annotation for p in m.params))]
        found = [r for a in repo.cls.base_args if (r := ctx.resolve(a, repo.module)) is not None]
        found += [r for a in anns for r in ctx.annotation_refs(a, repo.module)]
        # untyped: the class it queries (`session.query(model.Product)`) or rebuilds (`Product(...)`)
        for m in repo.cls.methods.values():
            for c in m.calls:
                names = [a.partition(":")[2] for a in c.args if a.startswith(("name:", "attr:"))]
                for name in [*names, c.func] if c.func[:1].isupper() or "." in c.func else names:
                    r = ctx.resolve(name, repo.module) if name[:1].isalpha() else None
                    if r is not None:
                        found.append(r)
        for r in found:
            if r != repo and in_domain(r) and not message_roles(ctx, r) and repo not in out.get(r.key, []):
                out.setdefault(r.key, []).append(repo)
    return out


def domain_code(ctx: Ctx, ref: ClassRef, members: list[ClassRef]) -> bool:
    """The root or a member lives in a domain package or is stored by a repository: a library's
    worker keeping its queues, or a service container its services, guards no domain cluster."""
    return any(in_domain(r) or r.key in stored_whole(ctx) for r in (ref, *members))
