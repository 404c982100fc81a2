from __future__ import annotations

from collections.abc import Iterator

from agentls.model import Effect, Finding, Severity
from agentls.rules._checks import string_list_findings
from agentls.rules._fields import kind, show
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
    keys = frozenset({"tools"})
    examples_bad = (Example("---\ndescription: d\ntools: {read: true}\n---\nB\n", "copilot-agent"),)
    examples_good = (Example("---\ndescription: d\ntools: ['*']\n---\nB\n", "copilot-agent"),
                     Example("---\ndescription: d\ntools: read, edit\n---\nB\n", "copilot-prompt"))

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        yield from string_list_findings(
            ctx, "tools",
            lambda item: f"`tools` item {show(item, ctx)} is {kind(item.value)}, not a tool name: ignored",
            lambda node: f"`tools` is {kind(node.value)} ({show(node, ctx)}), not a list of tool names:"
                         " ignored")
