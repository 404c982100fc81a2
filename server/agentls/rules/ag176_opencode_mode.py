from __future__ import annotations

from collections.abc import Iterator

from agentls.model import Effect, Finding, Severity
from agentls.rules._checks import enum_finding
from agentls.rules.base import CheckContext, Example, Rule

MODES = ("primary", "subagent", "all")


class OpencodeMode(Rule):
    """An OpenCode agent's `mode` is not `primary`, `subagent` or `all`.

    ## What it does
    Reports any other `mode`, with a fix when one mode is close.

    ## Why is this bad?
    `mode` decides whether the agent is a main agent (Tab to switch), a subagent (called by
    other agents or with `@name`), or both (`all`, the default). OpenCode does not use an
    unknown value, so the agent does not appear where it was meant to.

    ## Example
    ```yaml
    mode: sub-agent
    ```
    Write `mode: subagent`.
    """

    code = "AG176"
    slug = "opencode-mode"
    severity = Severity.WARNING
    effect = Effect.CHANGED
    dialects = frozenset({"opencode-agent"})
    keys = frozenset({"mode"})
    fixable = True
    examples_bad = (Example("---\ndescription: d\nmode: helper\n---\nB\n", "opencode-agent"),
                    Example("---\ndescription: d\nmode: Subagent\n---\nB\n", "opencode-agent",
                            fixed="---\ndescription: d\nmode: subagent\n---\nB\n"))
    examples_good = (Example("---\ndescription: d\nmode: subagent\n---\nB\n", "opencode-agent"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        found = enum_finding(ctx, "mode", MODES, "not a mode OpenCode knows")
        if found:
            yield found
