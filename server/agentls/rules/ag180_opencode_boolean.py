from __future__ import annotations

from collections.abc import Iterator

from agentls.model import Effect, Finding, Severity
from agentls.rules._checks import type_finding
from agentls.rules.base import CheckContext, Example, Rule


class OpencodeBoolean(Rule):
    """An OpenCode agent's `disable` or `hidden` is not `true`/`false`.

    ## What it does
    Reports `disable` and `hidden` values that are not booleans (`yes`, `"true"`, `1`), and
    notes `hidden` on an agent whose `mode` is not `subagent`.

    ## Why is this bad?
    OpenCode reads these as booleans; YAML 1.2 parsers read `yes` as a string, so the agent
    stays enabled or visible. `hidden` only hides subagents from the `@` menu.

    ## Example
    ```yaml
    disable: yes
    ```
    Write `disable: true`.
    """

    code = "AG180"
    slug = "opencode-boolean"
    severity = Severity.WARNING
    effect = Effect.CHANGED
    dialects = frozenset({"opencode-agent"})
    keys = frozenset({"disable", "hidden", "mode"})
    examples_bad = (Example("---\ndescription: d\ndisable: yes\n---\nB\n", "opencode-agent"),)
    examples_good = (Example("---\ndescription: d\nmode: subagent\nhidden: true\n---\nB\n",
                             "opencode-agent"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for key in ("disable", "hidden"):
            found = type_finding(ctx, key, (bool,), "`true` or `false`", "ignored")
            if found:
                yield found
        if ctx.doc.data.get("hidden") is True and ctx.doc.data.get("mode") != "subagent":
            span = ctx.key_span("hidden")
            if span is not None:
                yield ctx.finding(span, "`hidden` only applies to subagents (`mode: subagent`)",
                                  severity=Severity.INFO, effect=None)
