"""The one-word answer to "what will the tool do with this file?"."""

from __future__ import annotations

import enum
from collections.abc import Iterable

from agentls.frontmatter.document import AgentDocument, ParseState
from agentls.model import Effect, Finding


class Verdict(enum.Enum):
    LOAD = "LOAD"  # loaded as written
    CHANGED = "LOAD~"  # loaded, but some value differs from what was written or is ignored
    RESCUED = "RESCUED"  # invalid strict YAML that Claude Code's retry loads
    SKIP = "SKIP"  # not loaded at all


def verdict(doc: AgentDocument, findings: Iterable[Finding]) -> Verdict:
    effects = {f.effect for f in findings}
    if Effect.SKIP in effects:
        return Verdict.SKIP
    if doc.state is ParseState.RESCUED:
        return Verdict.RESCUED
    if Effect.CHANGED in effects:
        return Verdict.CHANGED
    return Verdict.LOAD
