from __future__ import annotations

from collections.abc import Iterator

from agentls.model import Finding, Severity
from agentls.rules.base import CheckContext, Example, Rule


class CopilotInvocableSpelling(Rule):
    """`user-invokable` / `user-invocable`: the two Copilot documentations spell it differently.

    ## What it does
    Notes which spelling a Copilot custom agent uses, and reports when both are set.

    ## Why is this bad?
    GitHub's custom-agent reference spells the key `user-invocable` (like Claude Code
    skills); the VS Code docs spell it `user-invokable`. A tool that reads only the other
    spelling ignores the key, and the agent stays (or stops being) selectable. Setting both
    to the same value is the portable choice; setting them to different values is a bug.

    ## Example
    ```yaml
    user-invokable: false
    ```
    Add `user-invocable: false` as well if the agent is also used on github.com.
    """

    code = "AG172"
    slug = "copilot-invocable-spelling"
    severity = Severity.INFO
    dialects = frozenset({"copilot-agent"})
    keys = frozenset({"user-invocable", "user-invokable"})
    examples_bad = (Example("---\ndescription: d\nuser-invokable: false\n---\nB\n",
                            "copilot-agent"),)
    examples_good = (Example("---\ndescription: d\nuser-invokable: false\n"
                             "user-invocable: false\n---\nB\n", "copilot-agent"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        a, b = ctx.doc.pair("user-invocable"), ctx.doc.pair("user-invokable")
        if a and b:
            if a[1].value != b[1].value:
                yield ctx.finding(ctx.node_span(b[0]), "`user-invokable` and `user-invocable`"
                                  " disagree: which one wins depends on the tool",
                                  severity=Severity.WARNING)
            return
        if b:
            yield ctx.finding(ctx.node_span(b[0]), "`user-invokable` is the VS Code spelling;"
                              " GitHub documents `user-invocable`: set both to be read by both")
        elif a:
            yield ctx.finding(ctx.node_span(a[0]), "`user-invocable` is GitHub's spelling;"
                              " the VS Code docs spell `user-invokable`: set both to be read by"
                              " both")
