from __future__ import annotations

from collections.abc import Iterator

from agentls.model import Effect, Finding, Severity, Span
from agentls.rules.base import CheckContext, Example, Rule


class UnclosedFrontmatter(Rule):
    """The frontmatter opens with `---` but no `---` ever closes it.

    ## What it does
    Reports a file whose first line is `---` with no later `---` anywhere in the file.

    ## Why is this bad?
    Without a closing `---`, Claude Code finds no frontmatter at all: a subagent is skipped
    silently (it has no name), a skill or command loads with empty metadata, and strict tools
    reject the file.

    ## Example
    ```markdown
    ---
    name: reviewer
    description: Reviews code

    You review code.
    ```
    Add a `---` line after the last key.
    """

    code = "AG002"
    slug = "unclosed-frontmatter"
    severity = Severity.ERROR
    reads_body = True
    effect = Effect.SKIP
    needs_mapping = False
    unparsed_only = True
    examples_bad = (Example("---\nname: a\ndescription: d\n\nBody\n"),)
    examples_good = (Example("---\nname: a\ndescription: d\n---\nBody\n"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        doc = ctx.doc
        if doc.block is not None or doc.cut.open_end is None or doc.problems:
            return
        severity = self.severity if ctx.dialect == "claude-agent" else Severity.WARNING
        start = 1 if doc.cut.bom else 0
        yield ctx.finding(
            Span(start, start + 3),
            f"{_lead(ctx)}: this '---' opens the frontmatter but no '---' closes it",
            severity=severity,
            effect=ctx.skip_effect(),
        )


def _lead(ctx: CheckContext) -> str:
    if ctx.dialect == "claude-agent":
        return f"{ctx.skip_prefix()} (silently)"
    if ctx.dialect in ("claude-skill", "claude-command"):
        return f"Claude Code loads this {ctx.noun} with empty metadata"
    return "no frontmatter"
