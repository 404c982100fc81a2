from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.facts import FunctionFacts
from agentls.patterns.model import Detection
from agentls.patterns.registry import Detector, register


def _dispatches(fn: FunctionFacts) -> bool:
    """Looks handlers up by the message's type and calls them."""
    if not fn.type_dispatch:
        return False
    if any(c.func.endswith("[]") or c.func.endswith(".get()") for c in fn.calls):
        return True
    for loop in fn.loops:
        keyed = loop.iter.endswith("[]") or loop.iter.endswith(".get()")
        if keyed and any(c.func == loop.target or c.receiver == loop.target for c in fn.calls):
            return True
    return False


@register
class MessageBus(Detector):
    """Routes commands and events to their handlers by message type, usually from an internal
    queue so that events raised while handling a message are processed in turn. Entrypoints
    only build messages and hand them to the bus; handlers stay small and composable. Control
    flow becomes indirect and error handling per message type needs a policy.

    ## Roles
    - `message_bus`: the class (or function) that dispatches messages to handlers.

    ## How it is detected
    A method or function that looks handlers up with the message's type as the key
    (`HANDLERS[type(message)]`, `self.handlers[message.__class__]`) and calls what it finds
    (or each handler in the list it finds). Topic-string routing is publish-subscribe.
    """

    id = "message_bus"
    category = "architecture"
    roles: ClassVar[dict[str, str]] = {"message_bus": "routes messages to handlers by type"}

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        for ref in ctx.classes():
            for m in ref.cls.methods.values():
                if _dispatches(m):
                    yield ctx.det(
                        ref,
                        self.id,
                        "message_bus",
                        0.85,
                        [(m.selection.line, f"`{m.name}` finds handlers by the message's type and calls them")],
                    )
                    break
        for fn in ctx.index.functions.values():
            if _dispatches(fn):
                yield ctx.det(
                    fn,
                    self.id,
                    "message_bus",
                    0.8,
                    [(fn.selection.line, "finds handlers by the message's type and calls them")],
                )
