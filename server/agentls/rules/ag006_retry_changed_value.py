from __future__ import annotations

from collections.abc import Iterator

from agentls.frontmatter.document import ParseState
from agentls.model import Effect, Finding, Severity, Span
from agentls.rules.ag005_rescued_yaml import collateral_changes
from agentls.rules.base import CLAUDE_ALL, CheckContext, Example, Rule


class RetryChangedValue(Rule):
    """Claude Code's lenient retry rewrote a line that was fine, changing its value.

    ## What it does
    When the frontmatter only loads thanks to Claude Code's retry, reports every other line
    the retry quoted whose value is now different from what YAML would give.

    ## Why is this bad?
    The retry quotes *every* one-line value that contains `: `, `#`, `&`, `!`, `*`, `|`,
    `>`, `[`… not just the broken one. So `model: opus # cheap` loads as the model
    `opus # cheap` (which the API rejects), `tools: Read, Grep # x` gains the tools `#` and
    `x`, and `description: >` becomes the text `>`.

    ## Example
    ```yaml
    description: Use it. Examples: <example>user: "hi"</example>
    model: opus # cheap
    ```
    Here the model is `opus # cheap`. Quote the description (AG005's fix) and the comment is
    a comment again.
    """

    code = "AG006"
    slug = "retry-changed-value"
    severity = Severity.WARNING
    effect = Effect.CHANGED
    dialects = CLAUDE_ALL
    needs_mapping = False
    examples_bad = (Example(
        '---\nname: a\ndescription: Use it. Examples: <example>user: "hi"</example>\n'
        "model: opus # cheap\n---\nBody\n"),)
    examples_good = (Example("---\nname: a\ndescription: d\nmodel: opus # cheap\n---\nBody\n"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        doc = ctx.doc
        block = doc.block
        if doc.state is not ParseState.RESCUED or block is None:
            return
        for line, was in collateral_changes(doc):
            yield ctx.finding(
                Span(block.start + line.value_start, block.start + line.value_end),
                f"Claude Code's lenient retry rewrote this line too: '{line.key}' loads as "
                f"{line.original!r}, not {was!r}",
            )
