from __future__ import annotations

from collections.abc import Iterator

from agentls.frontmatter.document import ParseState
from agentls.model import Finding, Severity
from agentls.rules._fields import truthy
from agentls.rules.base import CheckContext, Example, Rule


class CursorManualRule(Rule):
    """A Cursor rule with no `description`, `globs` or `alwaysApply: true` is Manual only.

    ## What it does
    Notes rules that Cursor applies only when mentioned (`@rule-name`).

    ## Why is this bad?
    Cursor picks a rule's mode from its frontmatter: Always (`alwaysApply: true`),
    Auto-Attached (`globs`), Agent Requested (`description`), or Manual (none of them).
    A rule that sets none is never applied on its own, which is often a mistake.

    ## Example
    ```yaml
    ---
    alwaysApply: false
    ---
    ```
    Add `globs: "*.py"` or a `description` saying when the rule helps.
    """

    code = "AG184"
    slug = "cursor-manual-rule"
    severity = Severity.INFO
    dialects = frozenset({"cursor-rule"})
    needs_mapping = False
    examples_bad = (Example("---\nalwaysApply: false\n---\nB\n", "cursor-rule"),)
    examples_good = (Example("---\ndescription: Python style\n---\nB\n", "cursor-rule"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        doc = ctx.doc
        if doc.state not in (ParseState.OK, ParseState.NOT_MAPPING) or doc.block is None:
            return
        data = doc.data
        if data.get("alwaysApply") is True or truthy(data.get("globs")) \
                or truthy(data.get("description")):
            return
        yield ctx.finding(ctx.open_delimiter_span(),
                          "this rule is Manual: Cursor applies it only when you mention it"
                          " (`@rule`); add `globs`, a `description` or `alwaysApply: true`")
