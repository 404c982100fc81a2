from __future__ import annotations

from collections.abc import Iterator

from agentls.model import Effect, Finding, Severity
from agentls.rules._fields import sub_span
from agentls.rules.base import CheckContext, Example, Rule


class NameLeadingDash(Rule):
    """The subagent's `name` starts with `-`.

    ## What it does
    Reports a subagent `name` whose first character is a hyphen (`-reviewer`).

    ## Why is this bad?
    Claude Code skips the agent (debug log: `names must not start with "-"`): such a name
    would read as a command-line option. Plugin agents accept it.

    ## Example
    ```yaml
    name: -reviewer
    ```
    Write `name: reviewer`.
    """

    code = "AG102"
    slug = "name-leading-dash"
    severity = Severity.ERROR
    effect = Effect.SKIP
    dialects = frozenset({"claude-agent"})
    keys = frozenset({"name"})
    examples_bad = (Example("---\nname: -a\ndescription: d\n---\nBody\n"),)
    examples_good = (Example("---\nname: a-b\ndescription: d\n---\nBody\n"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        pair = ctx.doc.pair("name")
        if pair is None or not isinstance(pair[1].value, str) or not pair[1].value.startswith("-"):
            return
        yield ctx.finding(sub_span(ctx, pair[1], 0, 1),
                          f"{ctx.skip_prefix()}: `name` must not start with `-`")
