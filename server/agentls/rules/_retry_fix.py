"""The fix shared by the YAML rules: quote values the way Claude Code's retry does."""

from __future__ import annotations

from agentls.frontmatter import retry
from agentls.frontmatter.document import AgentDocument
from agentls.model import Edit, Fix, Span


def quoting_fix(doc: AgentDocument) -> Fix | None:
    block = doc.block
    if block is None:
        return None
    edits = tuple(
        Edit(Span(block.start + s, block.start + e), text)
        for s, e, text in retry.repair_edits(block.yaml)
    )
    if not edits:
        return None
    return Fix("Quote the values so that every YAML parser reads them as Claude Code does", edits)
