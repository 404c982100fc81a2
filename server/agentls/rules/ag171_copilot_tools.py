from __future__ import annotations

from collections.abc import Iterator

from agentls.frontmatter.yamlnodes import Alias, Scalar, Sequence
from agentls.model import Effect, Finding, Severity
from agentls.rules._fields import item_span, kind, show, value_node
from agentls.rules.base import CheckContext, Example, Rule


class CopilotTools(Rule):
    """Copilot `tools` is not a list of tool names (or a comma-separated string).

    ## What it does
    Reports a `tools` value in a Copilot custom agent or prompt file that is a number,
    boolean or map, and list items that are not strings.

    ## Why is this bad?
    Copilot reads `tools` as a list (`["*"]` for all, `[]` for none) or a comma string;
    names it does not recognise are ignored, and so are values of another kind. Tool names
    are matched case-insensitively through aliases (`execute`, `read`, `edit`, `search`,
    `agent`, `web`, `todo`; Claude Code names such as `Bash` map to them), so names are not
    checked here, only the shape.

    ## Example
    ```yaml
    tools: {read: true}
    ```
    Write `tools: [read, edit]`.
    """

    code = "AG171"
    slug = "copilot-tools"
    severity = Severity.WARNING
    effect = Effect.CHANGED
    dialects = frozenset({"copilot-agent", "copilot-prompt"})
    examples_bad = (Example("---\ndescription: d\ntools: {read: true}\n---\nB\n", "copilot-agent"),)
    examples_good = (Example("---\ndescription: d\ntools: ['*']\n---\nB\n", "copilot-agent"),
                     Example("---\ndescription: d\ntools: read, edit\n---\nB\n", "copilot-prompt"))

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        node = value_node(ctx, "tools")
        if node is None or isinstance(node, Alias) or node.value is None:
            return
        if isinstance(node, Sequence):
            for item in node.items:
                if isinstance(item, Alias) or (isinstance(item, Scalar)
                                               and isinstance(item.value, str)):
                    continue
                yield ctx.finding(item_span(ctx, item), f"`tools` item {show(item, ctx)} is"
                                  f" {kind(item.value)}, not a tool name: ignored")
        elif not isinstance(node.value, str):
            yield ctx.finding(ctx.node_span(node), f"`tools` is {kind(node.value)}"
                              f" ({show(node, ctx)}), not a list of tool names: ignored")
