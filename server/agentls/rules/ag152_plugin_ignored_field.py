from __future__ import annotations

from collections.abc import Iterator

from agentls.knowledge.claude_code import PLUGIN_IGNORED_FIELDS
from agentls.model import Effect, Finding, Severity
from agentls.rules.base import CheckContext, Example, Rule


class PluginIgnoredField(Rule):
    """A plugin agent sets a field that Claude Code ignores in plugin agents.

    ## What it does
    Reports `hooks`, `mcpServers`, `permissionMode`, `initialPrompt`, `observer`,
    `observerMessage` and `observeSubagents` in agents shipped by a plugin.

    ## Why is this bad?
    For security, Claude Code loads plugin agents without these fields (with a warning at
    load): the agent runs without its hooks and MCP servers, in the caller's permission mode.
    Declare hooks and MCP servers in the plugin itself (`hooks/hooks.json`, `.mcp.json`), or
    copy the agent into `.claude/agents/`.

    ## Example
    ```yaml
    permissionMode: acceptEdits
    ```
    Remove the line; it has no effect in a plugin agent.
    """

    code = "AG152"
    slug = "plugin-ignored-field"
    severity = Severity.WARNING
    effect = Effect.CHANGED
    dialects = frozenset({"claude-plugin-agent"})
    keys = frozenset(PLUGIN_IGNORED_FIELDS)
    examples_bad = (Example("---\nname: a\ndescription: d\npermissionMode: plan\n---\nBody\n",
                            "claude-plugin-agent"),)
    examples_good = (Example("---\nname: a\ndescription: d\npermissionMode: plan\n---\nBody\n"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for key in PLUGIN_IGNORED_FIELDS:
            span = ctx.key_span(key)
            if span is not None:
                yield ctx.finding(span, f"`{key}` is ignored in plugin agents: Claude Code loads"
                                  " this agent without it")
