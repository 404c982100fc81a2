from __future__ import annotations

from collections.abc import Iterator

from agentls.model import Effect, Finding, Severity
from agentls.rules._checks import type_finding
from agentls.rules.base import CheckContext, Example, Rule


class CursorAlwaysApply(Rule):
    """A Cursor rule's `alwaysApply` or `description` has the wrong type.

    ## What it does
    Reports `alwaysApply` values that are not `true`/`false` (`yes`, `"true"`, `1`) and a
    `description` that is not a string.

    ## Why is this bad?
    Cursor reads `alwaysApply` as a boolean and `description` as the text its agent uses to
    decide when to fetch the rule; other values do not work, so a rule meant to apply always
    is not applied.

    ## Example
    ```yaml
    alwaysApply: yes
    ```
    Write `alwaysApply: true`.
    """

    code = "AG183"
    slug = "cursor-always-apply"
    severity = Severity.WARNING
    effect = Effect.CHANGED
    dialects = frozenset({"cursor-rule"})
    keys = frozenset({"alwaysApply", "description"})
    examples_bad = (Example("---\nalwaysApply: yes\n---\nB\n", "cursor-rule"),)
    examples_good = (Example("---\nalwaysApply: true\n---\nB\n", "cursor-rule"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        found = type_finding(ctx, "alwaysApply", (bool,), "`true` or `false`", "ignored")
        if found:
            yield found
        found = type_finding(ctx, "description", (str,), "a string", "ignored")
        if found:
            yield found
