from __future__ import annotations

from collections.abc import Iterator

from agentls.model import Effect, Finding, Severity
from agentls.rules._checks import enum_finding, type_finding
from agentls.rules.base import CheckContext, Example, Rule

TARGETS = ("vscode", "github-copilot")
BOOLEANS = ("disable-model-invocation", "user-invocable", "user-invokable")
MAPS = ("mcp-servers", "metadata")


class CopilotAgentValue(Rule):
    """A GitHub Copilot custom agent field has a value of the wrong kind.

    ## What it does
    Checks `target` (`vscode` or `github-copilot`), the booleans `disable-model-invocation`
    and `user-invocable` / `user-invokable`, the maps `mcp-servers` and `metadata`, and
    `handoffs` (a list).

    ## Why is this bad?
    Copilot ignores values it cannot use: a misspelt `target` makes the agent show up in
    both environments or neither as intended, a quoted `"false"` is not a boolean, and a
    list where a map belongs drops the MCP servers.

    ## Example
    ```yaml
    target: github
    ```
    Write `target: github-copilot`.
    """

    code = "AG170"
    slug = "copilot-agent-value"
    severity = Severity.WARNING
    effect = Effect.CHANGED
    dialects = frozenset({"copilot-agent"})
    fixable = True
    examples_bad = (Example("---\ndescription: d\ntarget: github\n---\nB\n", "copilot-agent"),
                    Example("---\ndescription: d\nuser-invocable: 'no'\n---\nB\n", "copilot-agent"),
                    Example("---\ndescription: d\ntarget: VSCode\n---\nB\n", "copilot-agent",
                            fixed="---\ndescription: d\ntarget: vscode\n---\nB\n"))
    examples_good = (Example("---\ndescription: d\ntarget: vscode\nmetadata: {a: b}\n---\nB\n",
                             "copilot-agent"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        found = enum_finding(ctx, "target", TARGETS, "ignored")
        if found:
            yield found
        for key in BOOLEANS:
            found = type_finding(ctx, key, (bool,), "`true` or `false`", "ignored")
            if found:
                yield found
        for key in MAPS:
            found = type_finding(ctx, key, (dict,), "a map", "ignored")
            if found:
                yield found
        found = type_finding(ctx, "handoffs", (list,), "a list", "ignored")
        if found:
            yield found
