from __future__ import annotations

from collections.abc import Iterator

from agentls.knowledge.claude_code import RENAMED_TOOLS
from agentls.model import Edit, Finding, Fix, Severity
from agentls.rules._fields import tool_value
from agentls.rules.base import CLAUDE_AGENTS, CheckContext, Example, Rule


class RenamedTool(Rule):
    """A `tools` or `disallowedTools` entry uses a tool's old name (`Task` is now `Agent`).

    ## What it does
    Reports `Task` and `Task(...)`, renamed `Agent` in Claude Code 2.1.63, with a fix that
    writes the new name.

    ## Why is this bad?
    The old name still resolves, so nothing breaks today; the new name matches the docs,
    `/agents` and permission rules, and keeps working if the alias goes.

    ## Example
    ```yaml
    tools: Read, Task(Explore)
    ```
    Write `tools: Read, Agent(Explore)`.
    """

    code = "AG125"
    slug = "renamed-tool"
    severity = Severity.INFO
    dialects = CLAUDE_AGENTS
    keys = frozenset({"tools", "disallowedTools"})
    fixable = True
    examples_bad = (Example("---\nname: a\ndescription: d\ntools: Read, Task(Explore)\n---\nB\n",
                            fixed="---\nname: a\ndescription: d\ntools: Read, Agent(Explore)\n---\nB\n"),)
    examples_good = (Example("---\nname: a\ndescription: d\ntools: Read, Agent\n---\nB\n"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for key in ("tools", "disallowedTools"):
            value = tool_value(ctx, key)
            if value is None:
                continue
            for entry in value.entries:
                new = RENAMED_TOOLS.get(entry.name)
                if new is None:
                    continue
                fix = Fix(f"Rename to `{new}`", (Edit(entry.name_span, new),)) if entry.exact else None
                yield ctx.finding(
                    entry.name_span,
                    f"`{entry.name}` is the old name of `{new}`; it still works as an alias",
                    fix=fix,
                )
