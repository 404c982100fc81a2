from __future__ import annotations

from collections.abc import Iterator

from agentls.knowledge.claude_code import MEMORY_SCOPES
from agentls.model import Effect, Finding, Severity
from agentls.rules._checks import enum_finding
from agentls.rules.base import CLAUDE_AGENTS, CheckContext, Example, Rule


class InvalidMemory(Rule):
    """`memory` is not `user`, `project` or `local`, so the agent gets no memory.

    ## What it does
    Reports any other `memory` value, with a fix when one scope is close.

    ## Why is this bad?
    `memory` picks the agent's memory directory (`~/.claude/agent-memory/<name>/`,
    `.claude/agent-memory/<name>/` or `.claude/agent-memory-local/<name>/`). Claude Code
    ignores any other value (with a debug-log warning), so the agent remembers nothing.

    ## Example
    ```yaml
    memory: global
    ```
    Write `memory: user` for memory shared across projects.
    """

    code = "AG143"
    slug = "invalid-memory"
    severity = Severity.WARNING
    effect = Effect.CHANGED
    dialects = CLAUDE_AGENTS
    keys = frozenset({"memory"})
    fixable = True
    examples_bad = (Example("---\nname: a\ndescription: d\nmemory: global\n---\nBody\n"),
                    Example("---\nname: a\ndescription: d\nmemory: projects\n---\nBody\n",
                            fixed="---\nname: a\ndescription: d\nmemory: project\n---\nBody\n"))
    examples_good = (Example("---\nname: a\ndescription: d\nmemory: local\n---\nBody\n"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        found = enum_finding(ctx, "memory", MEMORY_SCOPES, "ignored, the agent has no memory")
        if found:
            yield found
