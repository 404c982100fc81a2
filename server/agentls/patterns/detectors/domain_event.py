from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx, Ev
from agentls.patterns.detectors._shared import (
    entity_evidence,
    handler_maps,
    is_data_holder,
    is_repository,
    is_uow,
    mutates,
)
from agentls.patterns.facts import FunctionFacts, ModuleIndex
from agentls.patterns.model import Detection
from agentls.patterns.registry import Detector, register
from agentls.patterns.workspace import ClassRef

Roles = dict[str, dict[str, list[Ev]]]  # class key -> role (event|command|query) -> evidence


def _function(module: ModuleIndex, name: str, ctx: Ctx) -> tuple[ModuleIndex, FunctionFacts] | None:
    head, _, tail = name.rpartition(".")
    if not head:
        fn = module.functions.get(name)
        if fn is not None:
            return module, fn
        target = module.import_map.get(name, "")
        head, _, tail = target.rpartition(".")
    else:
        head = module.import_map.get(head.split(".")[0], head)
    other = ctx.ws.module_named(head)
    if other is not None and tail in other.functions:
        return other, other.functions[tail]
    return None


def _handler_kind(fn: FunctionFacts, ctx: Ctx, module: ModuleIndex) -> str:
    if mutates(fn) or any(is_uow(ctx, r) for p in fn.params for r in ctx.annotation_refs(p.annotation, module)):
        return "command" if not any(v not in ("none",) for v in fn.returns) or mutates(fn) else "query"
    return "query" if any(v != "none" for v in fn.returns) else ""


def message_index(ctx: Ctx) -> Roles:
    if "messages" in ctx._cache:
        return ctx._cache["messages"]  # type: ignore[no-any-return]
    roles: Roles = {}

    def add(ref: ClassRef, role: str, line: int, why: str) -> None:
        if is_data_holder(ref.cls):
            roles.setdefault(ref.key, {}).setdefault(role, []).append((line, why))

    for module, name, is_list, entries in handler_maps(ctx):
        for ref, handlers in entries:
            where = f"`{name}` in {module.module}"
            if is_list:
                add(ref, "event", ref.cls.selection.line, f"mapped to a list of handlers in {where}")
                continue
            found = _function(module, handlers[0], ctx)
            kind = _handler_kind(found[1], ctx, found[0]) if found else "command"
            add(ref, kind or "command", ref.cls.selection.line, f"mapped to a single handler in {where}")
    for owner in ctx.ws.all_classes():
        if not entity_evidence(ctx, owner) and not any(c.container == "list" for c in ctx.collabs(owner).values()):
            continue
        for m in owner.cls.methods.values():
            for op in m.container_ops:
                if op.op == "append" and op.container.startswith("self.") and op.arg.startswith("call:"):
                    r = ctx.ws.resolve(owner.module, op.arg[5:])
                    if r is None or r == owner:
                        continue
                    if entity_evidence(ctx, owner) or (r.cls.frozen and op.container.count(".") == 1):
                        add(r, "event", r.cls.selection.line, f"recorded by `{owner.cls.name}.{m.name}`")
    for ref in ctx.ws.all_classes():
        if ref.key in roles or not is_data_holder(ref.cls):
            continue
        for module, fn, param in ctx.ws.functions_taking(ref):
            others = fn.params[1:]
            infra = fn.with_items or any(
                is_uow(ctx, r) or is_repository(ctx, r)
                for p in others
                for r in ctx.annotation_refs(p.annotation, module)
            )
            if fn.params and fn.params[0].name == param and others and infra:
                kind = _handler_kind(fn, ctx, module)
                if kind:
                    add(ref, kind, ref.cls.selection.line, f"handled by `{fn.qualname}` in {module.module}")
    # Siblings of a known message under a common data-only base share its kind.
    for ref in ctx.ws.all_classes():
        if ref.key in roles or not is_data_holder(ref.cls):
            continue
        for base in ctx.ws.bases(ref):
            kinds = {k for s in ctx.ws.subclasses(base) for k in roles.get(s.key, {})}
            if len(kinds) == 1 and not base.cls.methods:
                kind = kinds.pop()
                add(ref, kind, ref.cls.selection.line, f"a `{base.cls.name}` like its siblings")
    ctx._cache["messages"] = roles
    return roles


def handlers_by_module(ctx: Ctx) -> dict[str, list[tuple[FunctionFacts, ClassRef, str, bool]]]:
    """module path -> [(handler function, message class, map name, map of lists)], once."""
    if "handlers_by_module" not in ctx._cache:
        out: dict[str, list[tuple[FunctionFacts, ClassRef, str, bool]]] = {}
        for module, name, is_list, entries in handler_maps(ctx):
            for ref, handlers in entries:
                for h in handlers if is_list else handlers[:1]:
                    found = _function(module, h, ctx)
                    if found:
                        out.setdefault(found[0].path, []).append((found[1], ref, name, is_list))
        ctx._cache["handlers_by_module"] = out
    return ctx._cache["handlers_by_module"]  # type: ignore[no-any-return]


def message_roles(ctx: Ctx, ref: ClassRef) -> dict[str, list[Ev]]:
    return message_index(ctx).get(ref.key, {})


@register
class DomainEvent(Detector):
    """Records something that happened in the domain that other parts care about
    (`OrderPlaced`, `OutOfStock`): aggregates append events as they change, and handlers react
    after the transaction, so side effects are decoupled from the change itself. Events make the
    flow explicit and extensible; eventual consistency and event ordering become concerns.

    ## Roles
    - `event`: an immutable message describing a past fact.
    - `event_handler`: a function listed as one of an event's handlers.

    ## How it is detected
    A data-only class (dataclass, NamedTuple or an `__init__` that just stores) that is
    instantiated and appended to a list of an entity or aggregate (`self.events.append(
    OutOfStock(...))`), or that is a key of a dict mapping message classes to *lists* of
    handlers; siblings of such classes under a common field-less base are events too.
    """

    id = "domain_event"
    category = "architecture"
    roles: ClassVar[dict[str, str]] = {"event": "a past fact", "event_handler": "reacts to an event"}

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        for ref in ctx.classes():
            ev = message_roles(ctx, ref).get("event")
            if ev:
                yield ctx.det(ref, self.id, "event", 0.85, ev[:2])
        for fn, ref, name, is_list in handlers_by_module(ctx).get(ctx.index.path, []):
            if is_list:
                found = (ctx.index, fn)
                if found:
                    yield ctx.det(
                        found[1],
                        self.id,
                        "event_handler",
                        0.8,
                        [(found[1].selection.line, f"handles `{ref.cls.name}` (listed in `{name}`)")],
                        [(ref, "event")],
                    )
