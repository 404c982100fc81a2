from __future__ import annotations

from collections.abc import Iterator

from agentls.knowledge.claude_code import NOT_IN_SUBAGENTS
from agentls.model import Effect, Finding, Severity
from agentls.rules._fields import tool_value
from agentls.rules.base import CLAUDE_AGENTS, CheckContext, Example, Rule


class ToolNotInSubagents(Rule):
    """A `tools` entry names a tool that Claude Code never gives to a subagent.

    ## What it does
    Reports `AskUserQuestion`, `EnterPlanMode`, `ScheduleWakeup`, `TaskOutput`,
    `WaitForMcpServers`, `Workflow` and `EndConversation` in `tools`, and `ExitPlanMode`
    unless the agent has `permissionMode: plan`.

    ## Why is this bad?
    These tools belong to the main conversation. Listed in a subagent's `tools` they are
    not available to it when it runs as a subagent (they may be when the agent is the main
    thread, `claude --agent`), so instructions that rely on them do not work.

    ## Example
    ```yaml
    tools: Read, AskUserQuestion
    ```
    Have the subagent return its question to the caller instead.
    """

    code = "AG124"
    slug = "tool-not-in-subagents"
    severity = Severity.INFO
    effect = Effect.CHANGED
    dialects = CLAUDE_AGENTS
    keys = frozenset({"tools", "permissionMode"})
    examples_bad = (Example("---\nname: a\ndescription: d\ntools: Read, AskUserQuestion\n---\nB\n"),)
    examples_good = (Example(
        "---\nname: a\ndescription: d\ntools: Read, ExitPlanMode\npermissionMode: plan\n---\nB\n"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        value = tool_value(ctx, "tools")
        if value is None:
            return
        plan = ctx.dialect == "claude-agent" and ctx.doc.data.get("permissionMode") == "plan"
        for entry in value.entries:
            if entry.name not in NOT_IN_SUBAGENTS or (entry.name == "ExitPlanMode" and plan):
                continue
            extra = " without `permissionMode: plan`" if entry.name == "ExitPlanMode" else ""
            yield ctx.finding(
                entry.name_span,
                f"`{entry.name}` is never available to a subagent{extra}: it only works when"
                " this agent runs as the main thread",
            )
