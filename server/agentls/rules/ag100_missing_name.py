from __future__ import annotations

from collections.abc import Iterator

from agentls.model import Effect, Finding, Severity
from agentls.rules._fields import truthy
from agentls.rules._values import plugin_agent_id, show_value, wrong_case_key
from agentls.rules.base import CLAUDE_AGENTS, CheckContext, Example, Rule


class MissingName(Rule):
    """A subagent without a `name` (absent, `~`, `""`, `false`, `0`, or `Name:`).

    ## What it does
    Reports a Claude Code subagent whose `name` is missing or empty (anything JavaScript
    counts as false: null, `""`, `false`, `0`), and points at a `Name:`-like key when the
    case is wrong.

    ## Why is this bad?
    Claude Code takes a file in `.claude/agents/` without a name for a co-located reference
    document and skips it **silently**: no error, no `/doctor` entry, not even a debug
    line. Keys are case-sensitive, so `Name:` is no name. (The file name is never used for
    a subagent.) A plugin agent without a name is named after its file instead.

    ## Example
    ```yaml
    ---
    Name: reviewer
    description: Reviews code
    ---
    ```
    Write `name: reviewer`.
    """

    code = "AG100"
    slug = "missing-name"
    severity = Severity.ERROR
    effect = Effect.SKIP
    dialects = CLAUDE_AGENTS
    examples_bad = (
        Example("---\ndescription: d\n---\nBody\n"),
        Example("---\nname: ~\ndescription: d\n---\nBody\n"),
        Example("---\nName: a\ndescription: d\n---\nBody\n"),
    )
    examples_good = (
        Example("---\nname: a\ndescription: d\n---\nBody\n"),
        Example("---\ndescription: d\n---\nBody\n", "claude-plugin-agent"),
    )

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        doc = ctx.doc
        pair = doc.pair("name")
        wrong = wrong_case_key(doc.root, "name") if pair is None else None
        case = (f"; `{wrong.value}` is a different key (keys are case-sensitive)"
                if wrong is not None else "")
        if pair is None:
            span = ctx.node_span(wrong) if wrong is not None else ctx.open_delimiter_span()
            why = "it has no `name`"
        else:
            value = pair[1].value
            if ctx.dialect == "claude-agent" and truthy(value):
                return
            if ctx.dialect == "claude-plugin-agent" and value not in (None, ""):
                return  # anything else is stringified (AG101)
            span = ctx.value_span("name") or ctx.node_span(pair[0])
            why = f"`name` is {'empty' if value in (None, '') else show_value(value)}"
        if ctx.dialect == "claude-plugin-agent":
            if pair is None and wrong is None:
                return  # the name is optional: the file name is the usual choice
            yield ctx.finding(
                span, f"{why}, so Claude Code names this plugin agent after its file "
                f"(`{plugin_agent_id(doc, None)}`){case}", severity=Severity.INFO, effect=None)
            return
        yield ctx.finding(
            span, f"{ctx.skip_prefix()} (silently, taking it for a reference document): "
            f"{why}{case}")
