from __future__ import annotations

from collections.abc import Iterator

from agentls.model import Effect, Finding, Severity
from agentls.rules.base import CheckContext, Example, Rule


class CopilotInferRetired(Rule):
    """`infer` in a Copilot custom agent is retired.

    ## What it does
    Reports the `infer` key.

    ## Why is this bad?
    `infer` used to decide whether Copilot could pick the agent on its own. It is retired:
    Copilot ignores it. Use `disable-model-invocation: true` to stop automatic use, and
    `user-invocable` to control whether people can pick the agent.

    ## Example
    ```yaml
    infer: false
    ```
    Write `disable-model-invocation: true`.
    """

    code = "AG173"
    slug = "copilot-infer-retired"
    severity = Severity.WARNING
    effect = Effect.CHANGED
    dialects = frozenset({"copilot-agent"})
    keys = frozenset({"infer"})
    examples_bad = (Example("---\ndescription: d\ninfer: false\n---\nB\n", "copilot-agent"),)
    examples_good = (Example("---\ndescription: d\ndisable-model-invocation: true\n---\nB\n",
                             "copilot-agent"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        span = ctx.key_span("infer")
        if span is not None:
            yield ctx.finding(span, "`infer` is retired and ignored: use"
                              " `disable-model-invocation` and `user-invocable`")
