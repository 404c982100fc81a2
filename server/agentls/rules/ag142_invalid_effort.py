from __future__ import annotations

from collections.abc import Iterator

from agentls.knowledge.claude_code import EFFORTS
from agentls.model import Effect, Finding, Severity
from agentls.rules._checks import enum_finding
from agentls.rules.base import CLAUDE_AGENTS, CheckContext, Example, Rule


class InvalidEffort(Rule):
    """`effort` is not an effort level Claude Code knows, so it is ignored.

    ## What it does
    Accepts `low`, `medium`, `high`, `xhigh` and `max` in any case, and integers; reports
    anything else.

    ## Why is this bad?
    Claude Code ignores an unknown effort and the agent runs at the default effort. (Which
    levels a model supports varies; that is not checked here.)

    ## Example
    ```yaml
    effort: maximum
    ```
    Write `effort: max`.
    """

    code = "AG142"
    slug = "invalid-effort"
    severity = Severity.WARNING
    effect = Effect.CHANGED
    dialects = CLAUDE_AGENTS | {"claude-skill"}
    keys = frozenset({"effort"})
    fixable = True
    examples_bad = (Example("---\nname: a\ndescription: d\neffort: extreme\n---\nBody\n"),
                    Example("---\nname: a\ndescription: d\neffort: hihg\n---\nBody\n",
                            fixed="---\nname: a\ndescription: d\neffort: high\n---\nBody\n"))
    examples_good = (Example("---\nname: a\ndescription: d\neffort: High\n---\nBody\n"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        found = enum_finding(ctx, "effort", EFFORTS, "ignored, the default effort is used",
                             any_case=True, ok_ints=True)
        if found:
            yield found
