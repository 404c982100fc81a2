from __future__ import annotations

from collections.abc import Iterator

from agentls.model import Effect, Finding, Severity
from agentls.rules._fields import sub_span
from agentls.rules._values import plugin_agent_id, utf16_cut, utf16_len
from agentls.rules.base import CLAUDE_AGENTS, CheckContext, Example, Rule

LIMIT = 256  # UTF-16 code units, as JavaScript counts


class NameTooLong(Rule):
    """The `name` is longer than 256 characters (UTF-16 code units).

    ## What it does
    Reports a `name` over 256 UTF-16 code units (an emoji counts twice), pointing at the
    part past the limit.

    ## Why is this bad?
    Claude Code skips a subagent with such a name (`names must be at most 256
    characters`). A plugin agent loads, but named after its file.

    ## Example
    A 300-character name: shorten it to a few words, `security-reviewer`.
    """

    code = "AG103"
    slug = "name-too-long"
    severity = Severity.ERROR
    effect = Effect.SKIP
    dialects = CLAUDE_AGENTS
    keys = frozenset({"name"})
    examples_bad = (Example("---\nname: " + "a" * 257 + "\ndescription: d\n---\nBody\n"),)
    examples_good = (Example("---\nname: " + "a" * 256 + "\ndescription: d\n---\nBody\n"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        pair = ctx.doc.pair("name")
        if pair is None or not isinstance(pair[1].value, str):
            return
        name = pair[1].value
        units = utf16_len(name)
        if units <= LIMIT:
            return
        span = sub_span(ctx, pair[1], utf16_cut(name, LIMIT), len(name))
        size = f"`name` is {units} characters long (UTF-16 units); the limit is {LIMIT}"
        if ctx.dialect == "claude-plugin-agent":
            yield ctx.finding(
                span, f"{size}: Claude Code names this plugin agent after its file "
                f"(`{plugin_agent_id(ctx.doc, None)}`)", severity=Severity.WARNING,
                effect=Effect.CHANGED)
            return
        yield ctx.finding(span, f"{ctx.skip_prefix()}: {size}")
