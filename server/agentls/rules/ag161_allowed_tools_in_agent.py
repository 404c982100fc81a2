from __future__ import annotations

from collections.abc import Iterator

from agentls.model import Edit, Effect, Finding, Fix, Severity
from agentls.rules.base import CLAUDE_AGENTS, CheckContext, Example, Rule

KEYS = ("allowed-tools", "allowedTools")


class AllowedToolsInAgent(Rule):
    """`allowed-tools` / `allowedTools` in an agent: a skill key that agents ignore.

    ## What it does
    Reports `allowed-tools` and `allowedTools` in Claude Code agents. When the agent has no
    `tools` key, the fix renames the key to `tools` (the syntax is the same).

    ## Why is this bad?
    Skills and commands use `allowed-tools` to *grant* tools without a prompt. Agents use
    `tools` to *restrict* them, and ignore `allowed-tools`. So an agent meant to have only
    `Read, Grep` gets **every** tool instead (laurigates/claude-plugins#2723). Other linters
    suggest `disallowedTools` (the inverse) or keep the ignored key; `tools` is the fix.

    ## Example
    ```yaml
    allowed-tools: Read, Grep
    ```
    Write `tools: Read, Grep`.
    """

    code = "AG161"
    slug = "allowed-tools-in-agent"
    severity = Severity.WARNING
    effect = Effect.CHANGED
    dialects = CLAUDE_AGENTS
    fixable = True
    examples_bad = (Example("---\nname: a\ndescription: d\nallowed-tools: Read\n---\nBody\n",
                            fixed="---\nname: a\ndescription: d\ntools: Read\n---\nBody\n"),
                    Example("---\nname: a\ndescription: d\nallowedTools: [Read]\n---\nB\n"))
    examples_good = (Example("---\nname: a\ndescription: d\ntools: Read\n---\nBody\n"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        root = ctx.doc.root
        if root is None:
            return
        found = [key for key, _ in root.pairs if key.value in KEYS]
        has_tools = ctx.doc.pair("tools") is not None
        for key in found:
            span = ctx.node_span(key)
            if has_tools:
                yield ctx.finding(span, f"`{key.value}` is ignored in agents: `tools` decides"
                                  " which tools this agent gets")
                continue
            fix = Fix("Rename to `tools`", (Edit(span, "tools"),)) if len(found) == 1 else None
            yield ctx.finding(span, f"`{key.value}` is ignored in agents: without `tools:` this"
                              " agent gets every tool; rename it `tools`", fix=fix)
