from __future__ import annotations

import re
from collections.abc import Iterator

from agentls.frontmatter.yamlnodes import Alias
from agentls.model import Finding, Severity
from agentls.rules._fields import kind, show, value_node
from agentls.rules.base import CheckContext, Example, Rule

_PROVIDER_MODEL = re.compile(r"[^\s/]+/\S+\Z")


class OpencodeModel(Rule):
    """An OpenCode agent's `model` is not written `provider/model-id`.

    ## What it does
    Reports a `model` without a provider prefix (`claude-sonnet-4-5` instead of
    `anthropic/claude-sonnet-4-5`), and a `model` that is not a string.

    ## Why is this bad?
    OpenCode looks models up by provider and id; Claude Code aliases such as `sonnet` or
    `inherit` mean nothing there.

    ## Example
    ```yaml
    model: sonnet
    ```
    Write `model: anthropic/claude-sonnet-4-5`, or leave `model` out to use the default.
    """

    code = "AG181"
    slug = "opencode-model"
    severity = Severity.INFO
    dialects = frozenset({"opencode-agent"})
    keys = frozenset({"model"})
    examples_bad = (Example("---\ndescription: d\nmodel: sonnet\n---\nB\n", "opencode-agent"),)
    examples_good = (Example("---\ndescription: d\nmodel: anthropic/claude-sonnet-4-5\n---\nB\n",
                             "opencode-agent"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        node = value_node(ctx, "model")
        if node is None or isinstance(node, Alias) or node.value is None:
            return
        value = node.value
        if not isinstance(value, str):
            yield ctx.finding(ctx.node_span(node), f"`model` is {kind(value)}, not"
                              " `provider/model-id`", severity=Severity.WARNING)
        elif not _PROVIDER_MODEL.match(value.strip()):
            yield ctx.finding(ctx.node_span(node), f"`model` {show(node, ctx)} has no provider:"
                              " OpenCode expects `provider/model-id`")
