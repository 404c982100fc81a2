from __future__ import annotations

from collections.abc import Iterator

from agentls.model import Edit, Finding, Fix, Severity
from agentls.rules._checks import type_finding
from agentls.rules.base import CheckContext, Example, Rule

BUILT_IN = ("ask", "edit", "agent")


class CopilotPromptAgent(Rule):
    """A Copilot prompt file's `agent` (formerly `mode`) is not a string, or uses `mode`.

    ## What it does
    Checks that `agent` is a string: `ask`, `edit`, `agent` or the name of a custom agent.
    Reports the older key `mode` and offers to rename it `agent` when `agent` is not set.

    ## Why is this bad?
    VS Code renamed the prompt-file key `mode` to `agent`; a value of another type is
    ignored and the prompt runs in the current chat mode.

    ## Example
    ```yaml
    mode: edit
    ```
    Write `agent: edit`.
    """

    code = "AG174"
    slug = "copilot-prompt-agent"
    severity = Severity.INFO
    dialects = frozenset({"copilot-prompt"})
    keys = frozenset({"agent", "mode"})
    fixable = True
    examples_bad = (Example("---\ndescription: d\nmode: edit\n---\nB\n", "copilot-prompt",
                            fixed="---\ndescription: d\nagent: edit\n---\nB\n"),)
    examples_good = (Example("---\ndescription: d\nagent: reviewer\n---\nB\n", "copilot-prompt"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for key in ("agent", "mode"):
            found = type_finding(ctx, key, (str,), "a string (`ask`, `edit`, `agent` or a custom"
                                 " agent name)", "ignored")
            if found:
                yield ctx.finding(found.span, found.message, severity=Severity.WARNING)
        span = ctx.key_span("mode")
        if span is None:
            return
        if ctx.doc.pair("agent") is None:
            yield ctx.finding(span, "`mode` is the old name of `agent`",
                              fix=Fix("Rename to `agent`", (Edit(span, "agent"),)))
        else:
            yield ctx.finding(span, "`mode` is the old name of `agent`, which is also set")
