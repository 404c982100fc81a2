from __future__ import annotations

from collections.abc import Iterator

from agentls.frontmatter.yamlnodes import Alias
from agentls.model import Effect, Finding, Severity
from agentls.rules._fields import show, value_node
from agentls.rules.base import CheckContext, Example, Rule


class OpencodeTemperature(Rule):
    """An OpenCode agent's `temperature` (or `top_p`) is not a number in range.

    ## What it does
    Reports `temperature` outside 0–2 and `top_p` outside 0–1, and either when it is not a
    number (`"0.3"` in quotes is a string).

    ## Why is this bad?
    The value goes to the model provider, which rejects it or clamps it; OpenCode's docs
    suggest 0.0–1.0 for temperature. A string is not a number to the provider.

    ## Example
    ```yaml
    temperature: "0.2"
    ```
    Write `temperature: 0.2`.
    """

    code = "AG177"
    slug = "opencode-temperature"
    severity = Severity.WARNING
    effect = Effect.CHANGED
    dialects = frozenset({"opencode-agent"})
    keys = frozenset({"temperature", "top_p"})
    examples_bad = (Example("---\ndescription: d\ntemperature: 3\n---\nB\n", "opencode-agent"),)
    examples_good = (Example("---\ndescription: d\ntemperature: 0.2\n---\nB\n", "opencode-agent"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for key, top in (("temperature", 2.0), ("top_p", 1.0)):
            node = value_node(ctx, key)
            if node is None or isinstance(node, Alias) or node.value is None:
                continue
            value = node.value
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                if 0 <= value <= top:
                    continue
                why = f"outside 0–{top:g}"
            else:
                why = "not a number"
            yield ctx.finding(ctx.node_span(node), f"`{key}` is {show(node, ctx)}, {why}:"
                              " the model provider rejects or ignores it")
