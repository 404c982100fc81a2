from __future__ import annotations

from collections.abc import Iterator

from agentls.knowledge.claude_code import COLOR_SYNONYMS, COLORS
from agentls.model import Effect, Finding, Severity
from agentls.rules._checks import enum_finding
from agentls.rules.base import CLAUDE_AGENTS, CheckContext, Example, Rule


class InvalidColor(Rule):
    """`color` is not one of the eight colours Claude Code displays.

    ## What it does
    Accepts `red`, `blue`, `green`, `yellow`, `purple`, `orange`, `pink` and `cyan`, in lower
    case. Reports anything else, suggests the nearest of the eight (`magenta` → `purple`),
    and fixes the case when that is all that is wrong.

    ## Why is this bad?
    Claude Code drops any other value silently, `Red` included: the agent loads with no
    colour. Plugin agents store the value but display only the eight.

    ## Example
    ```yaml
    color: Red
    ```
    Write `color: red`.
    """

    code = "AG141"
    slug = "invalid-color"
    severity = Severity.WARNING
    effect = Effect.CHANGED
    dialects = CLAUDE_AGENTS
    keys = frozenset({"color"})
    fixable = True
    examples_bad = (Example("---\nname: a\ndescription: d\ncolor: Red\n---\nBody\n",
                            fixed="---\nname: a\ndescription: d\ncolor: red\n---\nBody\n"),)
    examples_good = (Example("---\nname: a\ndescription: d\ncolor: cyan\n---\nBody\n"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        consequence = ("dropped silently, the agent loads with no colour"
                       if ctx.dialect == "claude-agent" else "stored but not displayed")
        found = enum_finding(ctx, "color", COLORS, consequence, synonyms=COLOR_SYNONYMS)
        if found:
            yield found
