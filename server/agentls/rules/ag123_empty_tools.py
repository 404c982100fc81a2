from __future__ import annotations

from collections.abc import Iterator

from agentls.frontmatter.yamlnodes import Alias, Mapping, Scalar, Sequence
from agentls.model import Effect, Finding, Severity
from agentls.rules._fields import kind, show, tool_value
from agentls.rules.base import CLAUDE_AGENTS, CheckContext, Example, Rule


class EmptyTools(Rule):
    """`tools` is present but yields no tool: the agent runs with no tools at all.

    ## What it does
    Reports `tools: []`, an empty `tools:`, `tools: ""`, `0`, `false`, a number, a map, a
    string of only commas, or a list with no string items.

    ## Why is this bad?
    Leaving `tools` out gives the agent every tool. Writing it with no usable entry gives it
    an **empty** allowlist: no tools. The agent listing says "All tools" in both cases, so
    the difference is easy to miss. If no tools is what you want, keep `tools: []`.

    ## Example
    ```yaml
    tools:
    ```
    Remove the line to allow every tool, or list the tools: `tools: Read, Grep`.
    """

    code = "AG123"
    slug = "empty-tools"
    severity = Severity.WARNING
    effect = Effect.CHANGED
    dialects = CLAUDE_AGENTS
    keys = frozenset({"tools"})
    examples_bad = (
        Example("---\nname: a\ndescription: d\ntools:\n---\nBody\n"),
        Example("---\nname: a\ndescription: d\ntools: []\n---\nBody\n"),
        Example("---\nname: a\ndescription: d\ntools: 5\n---\nBody\n"),
    )
    examples_good = (Example("---\nname: a\ndescription: d\ntools: Read\n---\nBody\n"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        value = tool_value(ctx, "tools")
        if value is None or value.aliased or value.entries:
            return
        node = value.node
        if isinstance(node, Alias):
            return
        if isinstance(node, Sequence):
            why = "an empty list" if not node.items else "a list with no string items"
        elif isinstance(node, Mapping):
            why = "a map"
        elif isinstance(node, Scalar) and isinstance(node.value, str):
            why = "an empty string" if not node.value.strip() else "only separators"
        else:
            why = kind(node.value)
        yield ctx.finding(
            ctx.value_span("tools") or ctx.node_span(node),
            f"`tools` is {why} ({show(node, ctx)}): the agent gets no tools at all, though the"
            " listing says \"All tools\"; remove the key to allow every tool",
        )
