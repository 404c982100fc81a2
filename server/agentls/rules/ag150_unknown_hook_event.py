from __future__ import annotations

from collections.abc import Iterator

from agentls.knowledge.claude_code import HOOK_EVENTS, MATCHER_KEYS, did_you_mean
from agentls.model import Effect, Finding, Severity
from agentls.rules._fields import key_str, mapping_value
from agentls.rules.base import CheckContext, Example, Rule


class UnknownHookEvent(Rule):
    """A key under `hooks` is not a hook event Claude Code knows; it is removed.

    ## What it does
    Reports keys of `hooks` that are not hook events (`PreToolUse`, `PostToolUse`,
    `PostToolUseFailure`, `PermissionRequest`, `Notification`, `UserPromptSubmit`,
    `SessionStart`, `SessionEnd`, `Stop`, `SubagentStart`, `SubagentStop`, `PreCompact`,
    `PreSkillShellCommand`, … 34 in all), with a "did you mean" for near misses. In a
    subagent it also notes that `Stop` hooks run as `SubagentStop`.

    ## Why is this bad?
    Event names are case-sensitive. Claude Code removes unknown events when it loads the
    agent, so those hooks never run, without a word.

    ## Example
    ```yaml
    hooks:
      preToolUse: [...]
    ```
    Write `PreToolUse`.
    """

    code = "AG150"
    slug = "unknown-hook-event"
    severity = Severity.WARNING
    effect = Effect.CHANGED
    dialects = frozenset({"claude-agent", "claude-skill"})
    keys = frozenset({"hooks"})
    examples_bad = (Example("---\nname: a\ndescription: d\nhooks:\n  preToolUse: []\n---\nB\n"),)
    examples_good = (Example("---\nname: a\ndescription: d\nhooks:\n  PreToolUse: []\n---\nB\n"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        hooks = mapping_value(ctx, "hooks")
        if hooks is None or any(key_str(k) in MATCHER_KEYS for k, _ in hooks.pairs):
            return  # not a map of events, or a lone matcher: AG149
        for key, _ in hooks.pairs:
            event = key_str(key)
            if event == "Stop" and ctx.dialect == "claude-agent":
                yield ctx.finding(ctx.node_span(key), "in a subagent, `Stop` hooks run as"
                                  " `SubagentStop`, when the subagent finishes",
                                  severity=Severity.INFO, effect=None)
            elif event not in HOOK_EVENTS:
                text = str(key.value)
                yield ctx.finding(ctx.node_span(key), f"unknown hook event `{text}`: removed,"
                                  f" these hooks never run{did_you_mean(text, HOOK_EVENTS)}")
