from __future__ import annotations

from collections.abc import Iterator

from agentls.frontmatter.yamlnodes import Alias
from agentls.model import Effect, Finding, Severity
from agentls.rules._fields import kind, show, value_node
from agentls.rules.base import CLAUDE_ALL, CheckContext, Example, Rule


class ModelNotAString(Rule):
    """`model` is not a non-blank string, so Claude Code ignores it.

    ## What it does
    Reports `model: 123`, `model: ""`, `model: "  "`, booleans, lists and maps. An empty
    `model:` is left alone: it means "not set" as much as leaving the key out.

    ## Why is this bad?
    Claude Code keeps `model` only when it is a non-blank string; anything else leaves it
    unset, so the agent runs on the default (`inherit`, the caller's model) whatever was
    written.

    ## Example
    ```yaml
    model: 4
    ```
    Write an alias or an id: `model: opus`.
    """

    code = "AG131"
    slug = "model-not-a-string"
    severity = Severity.WARNING
    effect = Effect.CHANGED
    dialects = CLAUDE_ALL
    keys = frozenset({"model"})
    examples_bad = (
        Example("---\nname: a\ndescription: d\nmodel: 123\n---\nBody\n"),
        Example('---\nname: a\ndescription: d\nmodel: ""\n---\nBody\n'),
    )
    examples_good = (Example("---\nname: a\ndescription: d\nmodel:\n---\nBody\n"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        node = value_node(ctx, "model")
        if node is None or isinstance(node, Alias) or node.value is None:
            return
        value = node.value
        if isinstance(value, str):
            if value.strip():
                return
            what = "blank"
        else:
            what = kind(value)
        yield ctx.finding(
            ctx.value_span("model") or ctx.node_span(node),
            f"`model` is {what} ({show(node, ctx)}): ignored, the default model is used"
            " (`inherit`)",
        )
