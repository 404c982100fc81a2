"""Recorders typed with what they record: an aggregate base's `record(self, event:
DomainEvent)` appending to `self.events`, which another method hands out and clears
(`events = self.events; self.events = []; return events`), or that one method hands out and
another clears when a name says they are events (`domain_events` then
`clear_domain_events()`). The declared type is the event, whatever helpers it carries, and so
are its subclasses nested in the aggregate (`Server.NameChanged`); the message analysis reads
it from here."""

from __future__ import annotations

from agentls.patterns.context import Ctx, per_workspace
from agentls.patterns.detectors._shared import entity_evidence, in_domain, is_repository, is_uow
from agentls.patterns.facts import ClassFacts, FunctionFacts
from agentls.patterns.workspace import ClassRef

_EVENT_WORDS = ("event", "record", "raise", "emit")


def _handed_out(cls: ClassFacts, recorder: FunctionFacts, name: str) -> bool:
    """Another method takes the list out and resets it (`self.events = []`, or
    `self.events.clear()` after a copy), answering what it held: recorded facts are handed out
    once. A list only returned (`lines()`) or worked through holds parts."""
    for o in cls.methods.values():
        # reset by assignment (`self.events = []`) or emptied in place (`self.events.clear()`)
        emptied = any(op.op == "clear" and op.container == f"self.{name}" for op in o.container_ops)
        if o is recorder or name not in o.self_reads or not (name in o.self_writes or emptied):
            continue
        if any(v != "none" for v in o.returns):
            return True
    # Handed out and cleared by two methods (a `domain_events` property, then
    # `clear_domain_events()` once the caller has published them): the same hand-out, split in
    # two; only where a name says the list holds events, since a cart's `items` and `clear()`
    # take the same shape.
    if not any(w in f"{recorder.name} {name}".lower() for w in _EVENT_WORDS):
        return False
    returned = any(
        o is not recorder and name in o.self_reads and not o.self_writes and any(v != "none" for v in o.returns)
        for o in cls.methods.values()
    )
    # emptied in place or reset by assignment, outside the constructor that made it
    cleared = any(
        o is not recorder
        and o.name != "__init__"
        and (
            name in o.self_writes or any(op.op == "clear" and op.container == f"self.{name}" for op in o.container_ops)
        )
        for o in cls.methods.values()
    )
    return returned and cleared


@per_workspace
def typed_recordings(ctx: Ctx) -> list[tuple[ClassRef, ClassRef, str]]:
    """(recorded class, owner, recorder method) for every typed recorder of a domain class."""
    out: list[tuple[ClassRef, ClassRef, str]] = []
    for owner in ctx.ws.all_classes():
        cls = owner.cls
        appends = [
            (m, op)
            for m in cls.methods.values()
            for op in m.container_ops
            if op.op == "append" and op.container.startswith("self.") and op.arg.startswith("param:")
        ]
        if not appends:
            continue
        # a seedwork base kept beside the domain (`core/ddd.py`'s `AggregateRoot`) is the
        # domain's when the classes deriving it are
        domain = in_domain(owner) or any(in_domain(d) for d in ctx.ws.subclasses(owner))
        if not (domain or entity_evidence(ctx, owner)):
            continue
        for m, op in appends:
            if not _handed_out(cls, m, op.container[5:]):
                continue
            p = m.param(op.arg[6:])
            for r in ctx.annotation_refs(p.annotation if p else None, owner.module):
                if r != owner and not (is_repository(ctx, r) or is_uow(ctx, r)) and r not in [o[0] for o in out]:
                    out.append((r, owner, m.name))
    return out
