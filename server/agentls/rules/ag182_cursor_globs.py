from __future__ import annotations

from collections.abc import Iterator

from agentls.frontmatter.yamlnodes import Alias, Scalar, Sequence
from agentls.model import Effect, Finding, Severity
from agentls.rules._fields import item_span, kind, show, value_node
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
    examples_bad = (Example("---\nglobs: 5\n---\nB\n", "cursor-rule"),)
    examples_good = (Example("---\nglobs: '*.ts,*.tsx'\n---\nB\n", "cursor-rule"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        node = value_node(ctx, "globs")
        if node is None or isinstance(node, Alias) or node.value is None:
            return
        if isinstance(node, Sequence):
            for item in node.items:
                if isinstance(item, Alias) or (isinstance(item, Scalar)
                                               and isinstance(item.value, str)):
                    continue
                yield ctx.finding(item_span(ctx, item), f"`globs` item {show(item, ctx)} is"
                                  f" {kind(item.value)}, not a glob")
        elif not isinstance(node.value, str):
            yield ctx.finding(ctx.node_span(node), f"`globs` is {kind(node.value)}, not a glob"
                              " string or list: the rule attaches to no file")
