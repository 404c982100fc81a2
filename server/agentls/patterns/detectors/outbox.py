from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx, Target
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.facts import FunctionFacts
from agentls.patterns.model import Detection


def _relay(fn: FunctionFacts) -> str | None:
    """The loop variable of a loop that sends each stored message and marks it as sent."""
    for loop in fn.loops:
        t = loop.target
        if not t:
            continue
        marks = [s for s in fn.attr_stores if s.receiver == t and (s.value == "const" or s.value.startswith("call:"))]
        sends = [
            c
            for c in fn.calls
            if c.receiver != t and any(a == f"name:{t}" or a.startswith(f"attr:{t}.") for a in c.args)
        ]
        committed = any(c.method == "commit" for c in fn.calls) or "update" in fn.sql
        if marks and sends and committed:
            return t
        deletes = [c for c in fn.calls if c.method in ("delete", "remove") and f"name:{t}" in c.args]
        if deletes and sends and committed:
            return t
    return None


def _writer(fn: FunctionFacts) -> bool:
    """Stores a serialised message beside the state change, in the same transaction."""
    serialises = any(c.func in ("json.dumps", "dumps", "asdict", "dataclasses.asdict") for c in fn.calls)
    stores = [c for c in fn.calls if c.method in ("add", "append", "execute") and c.args]
    committed = any(c.method == "commit" for c in fn.calls)
    return serialises and committed and (len(stores) >= 2 or "insert" in fn.sql) and not fn.loops


@register
class Outbox(Detector):
    """Transactional outbox: to publish messages reliably, a service writes them to an
    outbox table in the *same* transaction as its state change, and a separate relay later
    reads unsent rows, publishes them and marks them sent. No message is lost or sent for a
    rolled-back change; delivery becomes at-least-once, so consumers must be idempotent.

    ## Roles
    - `outbox_writer`: stores a serialised message together with the state change.
    - `outbox_relay`: publishes stored messages and marks them as sent.

    ## How it is detected
    - Relay: a loop over stored records that passes each record (or its fields) to another
      object's method and then marks it (`record.sent_at = now()`, `record.published = True`)
      or deletes it, with a commit or SQL UPDATE.
    - Writer: a function that serialises a message (`json.dumps`, `asdict`) and stores it with
      a second write before committing, outside any loop.
    """

    id = "outbox"
    category = "architecture"
    roles: ClassVar[dict[str, str]] = {
        "outbox_writer": "stores messages in the state change's transaction",
        "outbox_relay": "publishes stored messages and marks them",
    }

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        targets: list[tuple[Target, FunctionFacts]] = [(f, f) for f in ctx.index.functions.values()]
        for ref in ctx.classes():
            targets += [(m, m) for m in ref.cls.methods.values()]
        for target, fn in targets:
            if not fn.calls:
                continue
            t = _relay(fn) if fn.loops and fn.attr_stores else None
            if t:
                yield ctx.det(
                    target,
                    self.id,
                    "outbox_relay",
                    0.75,
                    [(fn.selection.line, f"sends each stored `{t}` and marks it as sent")],
                )
            elif _writer(fn):
                yield ctx.det(
                    target,
                    self.id,
                    "outbox_writer",
                    0.65,
                    [(fn.selection.line, "stores a serialised message with the change, then commits")],
                )
