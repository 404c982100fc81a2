from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.detectors._message_detections import (
    forwards_message,
    function_handler_detections,
    handler_detections,
    message_detections,
)
from agentls.patterns.detectors._messages import (
    message_index,
    message_roles,
)
from agentls.patterns.detectors._shared import entity_evidence, mutates, value_object_evidence
from agentls.patterns.model import Detection
from agentls.patterns.workspace import ClassRef


@register
class CqrsQuery(Detector):
    """In CQRS, the read side: a query asks for data and changes nothing, and is served by a
    handler that reads directly from storage (often a denormalised read model or raw SQL)
    rather than loading aggregates. Reads get simple and fast; two models of the same data
    must be kept consistent.

    ## Roles
    - `query`: a data-only message asking for information.
    - `query_handler`: reads and returns data without changing state.

    ## How it is detected
    A data-only class handled by a function that returns a value and does not commit, add or
    write SQL; or, in a workspace that has CQRS commands, a function that runs an SQL SELECT
    (or reads through a received unit of work or session) and returns the rows without
    changing anything.

    As for CQRS commands (see `detectors/_messages.py`): a message handled by the entry method
    of a handler class, a generic handler base or a bus call, whose class, base, handler
    behaviour (it only answers) or module says query; the base class of queries and the
    handler classes are reported too, and so is the abstract base declaring the handlers'
    entry method (`__call__(self, query)` untyped, or over a type variable). No class whose
    ancestry reaches an exception is a message.

    A query object of the read side is a `query_handler` too (at 0.7): a class whose one public
    method reads through storage it holds (`self._conn.execute(select ...)`) and returns a DTO
    (a workspace dataclass that is no entity or value object) or a list of them without
    changing anything, and the abstract read port such classes implement.

    A handler only answers when it returns what it reads, however the read is spelled out
    (`find_by_email`, `list_users`, `get_current_user`), from something other than the
    message: looking into the message itself (`request.headers.get(...)`) reads no storage,
    and a helper of its own (`self._get_route(request)`) reads only when that helper does. A
    generic handler base names the message first and its answer second (`QueryHandler[GetUser,
    GetUser.Result]`): the answer is no message. A function handing the query it takes, as it is or converted by its own
    method, to a collaborator it was given or got from one (a web route calling `await
    interactor(request)`, or `use_case = container.list_users(); use_case.execute(
    payload.to_input())`) passes it on; it is no handler itself, nor its parameter a message. An
    abstract handler base that nothing implements handles nothing yet, and a pipeline behaviour
    calling the next handler it is handed beside the query (`return next_handler(query)`: a
    cache or timing wrapper) handles none.
    """

    id = "cqrs_query"
    category = "architecture"
    roles: ClassVar[dict[str, str]] = {"query": "a request for data", "query_handler": "reads without changing state"}

    def _read_object(self, ctx: Ctx, ref: ClassRef) -> list[tuple[int, str]]:
        """A query object of the read side: its one public method reads through storage it
        holds (`self._conn.execute(select ...)`) and returns a DTO (a workspace dataclass that
        is no entity or value) or a list of them, changing nothing."""
        public = [m for n, m in ref.cls.methods.items() if not n.startswith("_") and m.kind == "method"]
        if len(public) != 1 or mutates(public[0]):
            return []
        m = public[0]
        dto = next(
            (
                r
                for r in ctx.annotation_refs(m.returns_annotation, ref.module)
                if r.cls.dataclass and not entity_evidence(ctx, r) and not value_object_evidence(ctx, r)
            ),
            None,
        )
        if dto is None:
            return []
        if m.is_stub or m.abstract:
            impls = [d for d in ctx.concrete(ref) if d != ref and self._read_object(ctx, d)]
            return [(m.selection.line, f"the read port `{impls[0].cls.name}` answers")] if impls else []
        reads = [
            c
            for c in m.calls
            if c.receiver.startswith("self.") and c.method in ("execute", "query", "scalars", "scalar", "select")
        ]
        if not reads and "select" not in m.sql:
            return []
        return [(m.selection.line, f"`{m.name}` reads a `{dto.cls.name}` straight from storage, changing nothing")]

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        for ref in ctx.classes():
            ev = self._read_object(ctx, ref)
            if ev:
                yield ctx.det(ref, self.id, "query_handler", 0.7, ev)
        yield from message_detections(ctx, "query", self.id, "query")
        yield from handler_detections(ctx, "query", self.id, "query_handler")
        yield from function_handler_detections(ctx, "query", self.id, "query_handler")
        messages = message_index(ctx)
        has_commands = any("command" in r for r in messages.values())
        has_queries = any("query" in r for r in messages.values())
        for fn in ctx.index.functions.values():
            if not fn.params or mutates(fn) or not any(v != "none" for v in fn.returns) or forwards_message(fn):
                continue
            typed = (
                [r for r in ctx.annotation_refs(fn.params[0].annotation, ctx.index) if "query" in message_roles(ctx, r)]
                if has_queries
                else []
            )
            if typed:
                yield ctx.det(
                    fn,
                    self.id,
                    "query_handler",
                    0.8,
                    [(fn.selection.line, f"answers `{typed[0].cls.name}` without changing state")],
                    [(typed[0], "query")],
                )
            elif has_commands and "select" in fn.sql:
                yield ctx.det(
                    fn,
                    self.id,
                    "query_handler",
                    0.7,
                    [(fn.selection.line, "reads with SQL SELECT and returns rows, beside a command side")],
                )
