from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.detectors._messages import (
    function_handler_detections,
    handler_detections,
    message_detections,
    message_index,
    message_roles,
)
from agentls.patterns.detectors._shared import mutates
from agentls.patterns.model import Detection


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
    handler classes are reported too.
    """

    id = "cqrs_query"
    category = "architecture"
    roles: ClassVar[dict[str, str]] = {"query": "a request for data", "query_handler": "reads without changing state"}

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        yield from message_detections(ctx, "query", self.id, "query")
        yield from handler_detections(ctx, "query", self.id, "query_handler")
        yield from function_handler_detections(ctx, "query", self.id, "query_handler")
        messages = message_index(ctx)
        has_commands = any("command" in r for r in messages.values())
        has_queries = any("query" in r for r in messages.values())
        for fn in ctx.index.functions.values():
            if not fn.params or mutates(fn) or not any(v != "none" for v in fn.returns):
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
