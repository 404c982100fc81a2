from __future__ import annotations

from collections.abc import Iterator

from agentls.model import Effect, Finding, Severity
from agentls.rules._checks import string_list_findings
from agentls.rules._fields import kind, show
from agentls.rules.base import CheckContext, Example, Rule


class CursorGlobs(Rule):
    """A Cursor rule's `globs` is not a glob string or a list of glob strings.

    ## What it does
    Reports `globs` values that are numbers, booleans or maps, and list items that are not
    strings.

    ## Why is this bad?
    `globs` makes a rule Auto-Attached to matching files. A value Cursor cannot read
    attaches the rule to nothing.

    ## Example
    ```yaml
    globs: {ts: "*.ts"}
    ```
    Write `globs: "*.ts,*.tsx"` or a list of strings.
    """

    code = "AG182"
    slug = "cursor-globs"
    severity = Severity.WARNING
    effect = Effect.CHANGED
    dialects = frozenset({"cursor-rule"})
    keys = frozenset({"globs"})
    examples_bad = (Example("---\nglobs: 5\n---\nB\n", "cursor-rule"),)
    examples_good = (Example("---\nglobs: '*.ts,*.tsx'\n---\nB\n", "cursor-rule"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        yield from string_list_findings(
            ctx, "globs",
            lambda item: f"`globs` item {show(item, ctx)} is {kind(item.value)}, not a glob",
            lambda node: f"`globs` is {kind(node.value)}, not a glob string or list: the rule attaches"
                         " to no file")
