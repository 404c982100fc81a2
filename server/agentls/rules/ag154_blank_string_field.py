from __future__ import annotations

from collections.abc import Iterator

from agentls.frontmatter.yamlnodes import Alias
from agentls.model import Effect, Finding, Severity
from agentls.rules._fields import kind, show
from agentls.rules.base import CheckContext, Example, Rule

FIELDS = ("initialPrompt", "observer", "observerMessage")


class BlankStringField(Rule):
    """`initialPrompt`, `observer` or `observerMessage` is blank or not a string.

    ## What it does
    Reports these fields when they are set to an empty or whitespace-only string, a number,
    a boolean, a list or a map.

    ## Why is this bad?
    Claude Code keeps them only as non-blank strings. `initialPrompt` is the first turn
    when the agent runs as the main session (`claude --agent`); anything else is dropped,
    so the session starts without it.

    ## Example
    ```yaml
    initialPrompt: ""
    ```
    Write the prompt, or remove the line.
    """

    code = "AG154"
    slug = "blank-string-field"
    severity = Severity.WARNING
    effect = Effect.CHANGED
    dialects = frozenset({"claude-agent"})
    keys = frozenset(FIELDS)
    examples_bad = (Example('---\nname: a\ndescription: d\ninitialPrompt: " "\n---\nBody\n'),)
    examples_good = (Example("---\nname: a\ndescription: d\ninitialPrompt: Review\n---\nB\n"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for key in FIELDS:
            pair = ctx.doc.pair(key)
            if pair is None or isinstance(pair[1], Alias) or pair[1].value is None:
                continue
            value = pair[1].value
            if isinstance(value, str) and value.strip():
                continue
            what = "blank" if isinstance(value, str) else kind(value)
            yield ctx.finding(ctx.node_span(pair[1]),
                              f"`{key}` is {what} ({show(pair[1], ctx)}): ignored")
