from __future__ import annotations

from collections.abc import Iterator

from agentls.knowledge.claude_code import ISOLATION_MODES, PLUGIN_ISOLATION_MODES
from agentls.model import Effect, Finding, Severity
from agentls.rules._checks import enum_finding
from agentls.rules.base import CLAUDE_AGENTS, CheckContext, Example, Rule


class InvalidIsolation(Rule):
    """`isolation` is not a mode Claude Code knows, so the agent runs without isolation.

    ## What it does
    Accepts `worktree` (documented) and `remote` (known to the loader) in project and user
    agents, and only `worktree` in plugin agents; reports anything else.

    ## Why is this bad?
    Claude Code ignores an unknown value, so an agent meant to work in its own git worktree
    edits the main checkout instead.

    ## Example
    ```yaml
    isolation: git-worktree
    ```
    Write `isolation: worktree`.
    """

    code = "AG144"
    slug = "invalid-isolation"
    severity = Severity.WARNING
    effect = Effect.CHANGED
    dialects = CLAUDE_AGENTS
    keys = frozenset({"isolation"})
    fixable = True
    examples_bad = (Example("---\nname: a\ndescription: d\nisolation: sandbox\n---\nBody\n"),
                    Example("---\nname: a\ndescription: d\nisolation: worktrees\n---\nBody\n",
                            fixed="---\nname: a\ndescription: d\nisolation: worktree\n---\nBody\n"),
                    Example("---\nname: a\ndescription: d\nisolation: remote\n---\nB\n",
                            "claude-plugin-agent"))
    examples_good = (Example("---\nname: a\ndescription: d\nisolation: remote\n---\nBody\n"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        plugin = ctx.dialect == "claude-plugin-agent"
        found = enum_finding(ctx, "isolation", PLUGIN_ISOLATION_MODES if plugin else ISOLATION_MODES,
                             "ignored, the agent runs in the main checkout")
        if found:
            yield found
