from __future__ import annotations

from collections.abc import Iterator

from agentls.frontmatter.yamlnodes import Alias
from agentls.model import Effect, Finding, Severity
from agentls.rules._fields import kind, show, value_node
from agentls.rules.base import CheckContext, Example, Rule


class CopilotApplyTo(Rule):
    """A Copilot instructions file's `applyTo` is not a glob string.

    ## What it does
    Reports `applyTo` when it is empty, a list, a number or a map. Several globs go in one
    comma-separated string.

    ## Why is this bad?
    `applyTo` decides which files the instructions are added for. A value that is not a
    string matches nothing, so the instructions are never applied automatically.

    ## Example
    ```yaml
    applyTo: ["**/*.ts", "**/*.tsx"]
    ```
    Write `applyTo: "**/*.ts,**/*.tsx"`.
    """

    code = "AG175"
    slug = "copilot-apply-to"
    severity = Severity.WARNING
    effect = Effect.CHANGED
    dialects = frozenset({"copilot-instructions"})
    keys = frozenset({"applyTo"})
    examples_bad = (Example("---\napplyTo: ['*.ts']\n---\nB\n", "copilot-instructions"),)
    examples_good = (Example("---\napplyTo: '**/*.ts,**/*.tsx'\n---\nB\n",
                             "copilot-instructions"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        pair = ctx.doc.pair("applyTo")
        if pair is None or isinstance(pair[1], Alias):
            return
        node = value_node(ctx, "applyTo")
        assert node is not None
        value = node.value
        if isinstance(value, str) and value.strip():
            return
        hint = "; join several globs with commas in one string" if isinstance(value, list) else ""
        what = "empty" if value is None or isinstance(value, str) else kind(value)
        yield ctx.finding(ctx.value_span("applyTo") or ctx.node_span(node),
                          f"`applyTo` is {what} ({show(node, ctx)}), not a glob string: the"
                          f" instructions are never applied automatically{hint}")
