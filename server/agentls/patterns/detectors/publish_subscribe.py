from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx, Target
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.facts import FunctionFacts
from agentls.patterns.model import Detection


def _topic_buckets(fns: list[FunctionFacts], prefix: str) -> tuple[FunctionFacts, FunctionFacts, str] | None:
    """(subscribe, publish, container) when handlers are appended per key and called per key."""
    for sub in fns:
        for op in sub.container_ops:
            if op.op not in ("append", "add") or not op.container.endswith("[]") or not op.arg.startswith("param:"):
                continue
            if not op.container.startswith(prefix):
                continue
            base = op.container[:-2]
            # A topic is named apart from the handler; a bucket keyed by an attribute of the
            # object stored (`transitions[t.source].append(t)`) indexes objects, not subscribers.
            own = f"attr:{op.arg[6:]}."
            if any(c == base and k.startswith(own) for c, k in sub.subscripts):
                continue
            for pub in fns:
                if pub is sub or pub.type_dispatch:
                    continue
                for loop in pub.loops:
                    bucket = loop.iter in (f"{base}[]", f"{base}.get()") and loop.target
                    if bucket and any(c.func == loop.target or c.receiver == loop.target for c in pub.calls):
                        return sub, pub, base
    return None


@register
class PublishSubscribe(Detector):
    """Decouples senders from receivers through named topics (channels): subscribers register
    a handler for a topic with a broker, publishers send to the topic, and neither knows the
    other. It scales to many-to-many communication and plug-in extensibility; delivery is
    implicit, so message flow is harder to trace and errors in handlers need a policy.

    ## Roles
    - `broker`: keeps handlers per topic and delivers published messages.

    ## How it is detected
    A class (or a module's functions, each of the two then reported) where one function
    appends a received handler to a
    per-key bucket (`subs[topic].append(h)`, `subs.setdefault(topic, []).append(h)`), and
    another loops over the bucket for a key and calls each handler. The topic must be named
    apart from the handler: a bucket keyed by the stored object's own attribute
    (`transitions[t.source].append(t)`) is an index, not a subscription. Dispatch keyed on the
    message's *type* is a message bus; a single unkeyed list is Observer.
    """

    id = "publish_subscribe"
    category = "behavioural"
    roles: ClassVar[dict[str, str]] = {"broker": "routes messages to topic subscribers"}

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        for ref in ctx.classes():
            found = _topic_buckets(list(ref.cls.methods.values()), "self.")
            if found:
                yield self._det(ctx, ref, found)
        found = _topic_buckets(list(ctx.index.functions.values()), "")
        if found:
            # A module of functions: the subscribing and the publishing function are the broker.
            yield self._det(ctx, found[0], found)
            yield self._det(ctx, found[1], found)

    def _det(self, ctx: Ctx, target: Target, found: tuple[FunctionFacts, FunctionFacts, str]) -> Detection:
        sub, pub, base = found
        return ctx.det(
            target,
            self.id,
            "broker",
            0.85,
            [
                (sub.selection.line, f"`{sub.name}` adds a handler to the topic's list in `{base}`"),
                (pub.selection.line, f"`{pub.name}` calls every handler of the topic"),
            ],
        )
