from __future__ import annotations

from collections.abc import Iterator

from agentls.knowledge.claude_code import tool_resolves
from agentls.model import Effect, Finding, Severity
from agentls.rules._fields import tool_value
from agentls.rules.base import CLAUDE_AGENTS, CheckContext, Example, Rule


class NoToolResolves(Rule):
    """No entry in `tools` names a tool Claude Code knows, so it refuses to spawn the agent.

    ## What it does
    Reports a `tools` value whose entries are all unknown or removed tool names (no built-in
    tool, no `*`, no `mcp__…` pattern, no `Task`).

    ## Why is this bad?
    Claude Code drops unknown tool names at spawn. When none is left it refuses to spawn the
    agent (`Agent '<name>' would be spawned with zero tools — refusing`, v2.1.208+; earlier
    versions ran it with no tools at all). The agent still shows in the listing, but every
    delegation to it fails.

    ## Example
    ```yaml
    tools: read, grep, MultiEdit
    ```
    Write `tools: Read, Grep, Edit`.
    """

    code = "AG122"
    slug = "no-tool-resolves"
    severity = Severity.ERROR
    effect = Effect.SKIP
    dialects = CLAUDE_AGENTS
    keys = frozenset({"tools"})
    examples_bad = (Example("---\nname: a\ndescription: d\ntools: read, MultiEdit\n---\nBody\n"),)
    examples_good = (Example("---\nname: a\ndescription: d\ntools: read, Grep\n---\nBody\n"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        value = tool_value(ctx, "tools")
        if value is None or value.aliased or not value.entries:
            return
        if any(tool_resolves(e.name) for e in value.entries):
            return
        names = ", ".join(f"`{e.name}`" for e in value.entries[:4])
        if len(value.entries) > 4:
            names += ", …"
        yield ctx.finding(
            ctx.node_span(value.node),
            f"Claude Code refuses to spawn this agent: no `tools` entry is a known tool ({names}),"
            " so it would be spawned with zero tools",
        )
