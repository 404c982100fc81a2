from __future__ import annotations

from collections.abc import Iterator

from agentls.frontmatter.yamlnodes import Alias, Mapping
from agentls.model import Effect, Finding, Severity
from agentls.rules._fields import kind, show, value_node
from agentls.rules.base import CheckContext, Example, Rule


class OpencodeTools(Rule):
    """An OpenCode agent's `tools` is not a map of tool name → `true`/`false`.

    ## What it does
    Reports a `tools` value that is not a map (a list or a comma string, as Claude Code and
    Copilot write it), and map values that are not booleans.

    ## Why is this bad?
    OpenCode enables and disables tools per name (`write: false`, globs like `mymcp_*:
    false`). A list is not that shape, so the agent keeps its default tools. (OpenCode is
    moving these switches to `permission`.)

    ## Example
    ```yaml
    tools: [read, grep]
    ```
    Write `tools: {write: false, edit: false}`.
    """

    code = "AG178"
    slug = "opencode-tools"
    severity = Severity.WARNING
    effect = Effect.CHANGED
    dialects = frozenset({"opencode-agent"})
    keys = frozenset({"tools"})
    examples_bad = (Example("---\ndescription: d\ntools: Read, Grep\n---\nB\n", "opencode-agent"),)
    examples_good = (Example("---\ndescription: d\ntools:\n  write: false\n---\nB\n",
                             "opencode-agent"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        node = value_node(ctx, "tools")
        if node is None or isinstance(node, Alias) or node.value is None:
            return
        if not isinstance(node, Mapping):
            yield ctx.finding(ctx.node_span(node), f"`tools` is {kind(node.value)}, not a map of"
                              " tool → true/false: ignored (write `tools: {write: false}`)")
            return
        for key, value in node.pairs:
            if isinstance(value, Alias) or isinstance(value.value, bool):
                continue
            yield ctx.finding(ctx.node_span(value) if value.end > value.start
                              else ctx.node_span(key),
                              f"tool `{key.value}` is set to {show(value, ctx)}, not `true` or"
                              " `false`")
