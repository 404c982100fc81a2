from __future__ import annotations

from collections.abc import Iterator

from agentls.model import Effect, Finding, Severity
from agentls.rules._values import body_description
from agentls.rules.ag110_missing_description import plugin_description
from agentls.rules.base import CheckContext, Example, Rule


class BlankDescription(Rule):
    """The `description` holds only whitespace.

    ## What it does
    Reports a `description` such as `"   "` or a block scalar of blank lines.

    ## Why is this bad?
    Claude Code loads a subagent with a blank description, but Claude delegates to agents
    by their description, so this one is never chosen on its own. Plugin agents, skills and
    commands trim the description and fall back (to `when_to_use` or the generic
    `Agent from <plugin> plugin`; to the first body line).

    ## Example
    ```yaml
    description: "   "
    ```
    Say what the agent does and when to use it.
    """

    code = "AG115"
    slug = "blank-description"
    severity = Severity.WARNING
    reads_body = True
    examples_bad = (
        Example('---\nname: a\ndescription: "   "\n---\nBody\n'),
        Example('---\nname: a\ndescription: " "\n---\nBody\n', "claude-plugin-agent"),
    )
    examples_good = (Example("---\nname: a\ndescription: Reviews code\n---\nBody\n"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        pair = ctx.doc.pair("description")
        if pair is None or not isinstance(pair[1].value, str):
            return
        value = pair[1].value
        if not value or value.strip():
            return
        span = ctx.node_span(pair[1])
        if ctx.dialect == "claude-plugin-agent":
            then = f"Claude Code trims it and uses {plugin_description(ctx.doc)!r}"
            effect: Effect | None = Effect.CHANGED
        elif ctx.dialect in ("claude-skill", "claude-command"):
            line = body_description(ctx.doc.cut.body)
            then = (f"Claude Code uses the first body line, {line!r}" if line
                    else "there is no description at all")
            effect = Effect.CHANGED
        elif ctx.dialect == "claude-agent":
            then = ("Claude Code loads it, but never delegates to this agent on its own: it "
                    "picks agents by their description")
            effect = None
        else:
            then = "it tells the model nothing"
            effect = None
        yield ctx.finding(span, f"`description` is blank: {then}", effect=effect)
