from __future__ import annotations

from collections.abc import Iterator

from agentls.knowledge.claude_code import (
    BUILTIN_TOOLS,
    REMOVED_TOOLS,
    RENAMED_TOOLS,
    suggest,
    tool_resolves,
)
from agentls.model import Applicability, Edit, Finding, Fix, Severity
from agentls.rules._fields import tool_value
from agentls.rules.base import CLAUDE_AGENTS, CheckContext, Example, Rule

TOOL_KEYS = ("tools", "disallowedTools")


class UnknownTool(Rule):
    """A `tools` or `disallowedTools` entry names no tool Claude Code knows.

    ## What it does
    Splits `tools` and `disallowedTools` the way Claude Code does (on commas and whitespace
    outside parentheses, in a string or in each list item) and reports every entry whose tool
    name is neither a built-in tool, `*`, an `mcp__…` pattern, nor the old name `Task`.
    Tool names are case-sensitive: `read` is not `Read`.

    ## Why is this bad?
    Claude Code keeps unknown names in the list and drops them silently when it spawns the
    agent, so a typo quietly takes a tool away (or, in `disallowedTools`, forbids nothing).
    If no entry resolves at all, Claude Code refuses to spawn the agent (AG122).

    ## Example
    ```yaml
    tools: Read, grep, WebSearchTool
    ```
    Write `Read, Grep, WebSearch`. Removed tools such as `MultiEdit` are AG121.
    """

    code = "AG120"
    slug = "unknown-tool"
    severity = Severity.WARNING
    # The file loads as written; the entry is only dropped when the agent is spawned.
    effect = None
    dialects = CLAUDE_AGENTS
    keys = frozenset({"tools", "disallowedTools"})
    fixable = True
    examples_bad = (Example("---\nname: a\ndescription: d\ntools: Read, grep\n---\nBody\n",
                            fixed="---\nname: a\ndescription: d\ntools: Read, Grep\n---\nBody\n"),)
    examples_good = (Example(
        "---\nname: a\ndescription: d\ntools: Read, Bash(git diff:*, git log), mcp__github__*,"
        " Task\ndisallowedTools: [Write]\n---\nBody\n"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for key in TOOL_KEYS:
            value = tool_value(ctx, key)
            if value is None:
                continue
            for entry in value.entries:
                name = entry.name
                if tool_resolves(name) or name in REMOVED_TOOLS or not name:
                    continue
                effect = ("dropped silently at spawn" if key == "tools"
                          else "this entry disallows nothing")
                found = suggest(name, sorted(BUILTIN_TOOLS | set(RENAMED_TOOLS)))
                hint = ""
                fix = None
                if found:
                    hint = " (did you mean " + " or ".join(f"`{c}`" for c in found[:2]) + "?)"
                    if len(found) == 1 and entry.exact:
                        fix = Fix(f"Replace with `{found[0]}`",
                                  (Edit(entry.name_span, found[0]),), Applicability.UNSAFE)
                yield ctx.finding(
                    entry.name_span,
                    f"unknown tool `{name}` in `{key}`: {effect}{hint}",
                    fix=fix,
                )
