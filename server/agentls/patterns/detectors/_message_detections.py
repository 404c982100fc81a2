"""The detections the message detectors (CQRS command and query, domain event) share: the
message classes of one kind, the classes handling them, and the functions handling them."""

from __future__ import annotations

from collections.abc import Iterator

from agentls.patterns.context import Ctx, per_workspace
from agentls.patterns.detectors._message_kinds import forwards_message as forwards_message  # (re-exported)
from agentls.patterns.detectors._messages import handler_roles, message_roles, messages, single_dispatch
from agentls.patterns.model import Detection


def message_detections(ctx: Ctx, kind: str, pattern: str, role: str) -> Iterator[Detection]:
    for ref in ctx.classes():
        ev = message_roles(ctx, ref).get(kind)
        if ev:
            sure = messages(ctx).confident.get(ref.key, False)
            yield ctx.det(ref, pattern, role, 0.85 if sure else 0.65, ev[:2])


def handler_detections(ctx: Ctx, kind: str, pattern: str, role: str) -> Iterator[Detection]:
    for ref in ctx.classes():
        for k, m, entry in handler_roles(ctx, ref):
            if k == kind:
                sure = messages(ctx).confident.get(m.key, False)
                yield ctx.det(
                    ref,
                    pattern,
                    role,
                    0.8 if sure else 0.65,
                    [(entry.selection.line, f"`{entry.name}` takes a `{m.cls.name}`")],
                    [(m, kind)],
                )
                break


@per_workspace
def _subscribed(ctx: Ctx) -> dict[str, set[str]]:
    """module path -> module functions handed to a call beside a message class
    (`bus.subscribe(TodoCreated, handle_todo_created)`): registered by that call."""
    out: dict[str, set[str]] = {}
    for module in ctx.ws.modules():
        for caller in module.all_functions():
            for c in caller.calls:
                names = [a[5:] for a in c.args if a.startswith("name:")]
                if len(names) < 2:
                    continue
                if not any((r := ctx.ws.resolve(module, n)) is not None and message_roles(ctx, r) for n in names):
                    continue
                for n in names:
                    found = ctx.ws.function(module, n)
                    if found is not None:
                        out.setdefault(found[0].path, set()).add(found[1].qualname)
    return out


def function_handler_detections(ctx: Ctx, kind: str, pattern: str, role: str) -> Iterator[Detection]:
    """Functions of this module handling one message: the first parameter is typed as a
    message class of that kind, and the function is registered (decorated, or handed to a call
    beside a message class) or takes its collaborators beside the message."""
    subscribed = _subscribed(ctx).get(ctx.index.path, set())
    for fn in ctx.index.functions.values():
        if not fn.params or fn.name.startswith("test") or single_dispatch(fn):
            continue  # (the generic function of a singledispatch routes to the handlers)
        handed = fn.qualname in subscribed
        if (not fn.decorators and not handed and len(fn.params) < 2) or forwards_message(fn):
            continue
        for m in ctx.annotation_refs(fn.params[0].annotation, ctx.index):
            kinds = message_roles(ctx, m)
            if kind in kinds and (kind == "event" or "event" not in kinds):
                how = (
                    f"registered with `@{fn.decorators[0]}`"
                    if fn.decorators
                    else "handed to a call beside a message class"
                    if handed
                    else "takes it beside its collaborators"
                )
                yield ctx.det(
                    fn,
                    pattern,
                    role,
                    0.75,
                    [(fn.selection.line, f"handles the {kind} `{m.cls.name}`; {how}")],
                    [(m, kind)],
                )
                break
