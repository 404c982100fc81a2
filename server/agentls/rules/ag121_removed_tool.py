from __future__ import annotations

from collections.abc import Iterator

from agentls.knowledge.claude_code import REMOVED_TOOLS, tool_resolves
from agentls.model import Finding, Fix, Severity
from agentls.rules._fields import remove_entry, tool_value
from agentls.rules.base import CLAUDE_AGENTS, CheckContext, Example, Rule


class RemovedTool(Rule):
    """A `tools` or `disallowedTools` entry names a tool Claude Code has removed.

    ## What it does
    Reports `MultiEdit`, `LS`, `NotebookRead` and `TodoRead`, and names the tool to use
    instead. The quick fix removes the entry when another entry in `tools` still resolves.

    ## Why is this bad?
    These tools are gone from Claude Code (absent from the docs since 2025-11). Many agents
    still list `MultiEdit`: the entry is dropped silently at spawn, so it only adds noise,
    and if every entry is gone Claude Code refuses to spawn the agent (AG122).

    ## Example
    ```yaml
    tools: Read, Edit, MultiEdit
    ```
    `Edit` covers multi-edits now: write `tools: Read, Edit`.
    """

    code = "AG121"
    slug = "removed-tool"
    severity = Severity.WARNING
    # The file loads as written; the entry is only dropped when the agent is spawned.
    effect = None
    dialects = CLAUDE_AGENTS
    keys = frozenset({"tools", "disallowedTools"})
    fixable = True
    examples_bad = (
        Example("---\nname: a\ndescription: d\ntools: Read, MultiEdit, Grep\n---\nBody\n",
                fixed="---\nname: a\ndescription: d\ntools: Read, Grep\n---\nBody\n"),
        Example("---\nname: a\ndescription: d\ntools:\n  - Edit\n  - MultiEdit\n---\nBody\n"),
        Example("---\nname: a\ndescription: d\ntools: [Read, LS]\n---\nBody\n"),
    )
    examples_good = (Example("---\nname: a\ndescription: d\ntools: Read, Edit\n---\nBody\n"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for key in ("tools", "disallowedTools"):
            value = tool_value(ctx, key)
            if value is None:
                continue
            live = [e for e in value.entries if tool_resolves(e.name)]
            for entry in value.entries:
                instead = REMOVED_TOOLS.get(entry.name)
                if instead is None:
                    continue
                effect = "dropped silently at spawn" if key == "tools" else "it disallows nothing"
                fix = None
                if live or key == "disallowedTools":
                    edit = remove_entry(ctx, value, entry)
                    if edit is not None:
                        fix = Fix(f"Remove `{entry.text}`", (edit,))
                yield ctx.finding(
                    entry.name_span,
                    f"`{entry.name}` was removed from Claude Code (use `{instead}`): {effect}",
                    fix=fix,
                )
