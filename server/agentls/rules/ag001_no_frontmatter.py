from __future__ import annotations

from collections.abc import Iterator

from agentls.frontmatter.document import ParseState
from agentls.model import Effect, Finding, Severity, Span
from agentls.rules.base import CheckContext, Example, Rule

_LOUD = {"claude-agent": Severity.ERROR, "copilot-agent": Severity.ERROR,
         "opencode-agent": Severity.ERROR, "claude-plugin-agent": Severity.WARNING}


class NoFrontmatter(Rule):
    """The file has no frontmatter block that the tool recognises.

    ## What it does
    Reports an agent file that does not start with a `---` line, or whose opening line is
    not exactly `---` followed by spaces and a newline.

    ## Why is this bad?
    Claude Code finds the block with a pattern on the raw text: the file must *begin* with
    `---`. A blank line or a space before it, a second byte-order mark, `---yaml`, or
    CR-only line endings mean "no frontmatter". A subagent without frontmatter has no name,
    so Claude Code treats it as a reference document and skips it without a word. Skills and
    commands load with empty metadata; plugin agents fall back to their file name.

    ## Example
    ```markdown

    ---
    name: reviewer
    description: Reviews code
    ---
    ```
    Remove the blank line so that `---` is the very first line.
    """

    code = "AG001"
    slug = "no-frontmatter"
    severity = Severity.INFO
    reads_body = True
    effect = Effect.SKIP
    needs_mapping = False
    unparsed_only = True
    examples_bad = (Example("\n---\nname: a\ndescription: d\n---\nBody\n"),)
    examples_good = (Example("---\nname: a\ndescription: d\n---\nBody\n"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        doc = ctx.doc
        if doc.state is not ParseState.NO_BLOCK or doc.problems or doc.cut.open_end is not None:
            return
        severity = _LOUD.get(ctx.dialect, self.severity)
        reason = doc.cut.no_block_reason
        if reason is None:
            text = doc.text
            start = 1 if doc.cut.bom else 0
            end = text.find("\n", start)
            span = Span(start, end if end >= 0 else len(text))
            message = "no frontmatter: the file does not start with a '---' line"
        else:
            at = doc.text.find("---")
            span = Span(at, at + 3) if at >= 0 else Span(0, 0)
            message = f"no frontmatter: {reason}"
        yield ctx.finding(span, f"{_consequence(ctx)}: {message}", severity=severity, effect=ctx.skip_effect())


def _consequence(ctx: CheckContext) -> str:
    if ctx.dialect == "claude-agent":
        return f"{ctx.skip_prefix()} (silently)"
    if ctx.dialect == "claude-plugin-agent":
        return "Claude Code loads this plugin agent under its file name with a generic description"
    if ctx.dialect in ("claude-skill", "claude-command"):
        return f"Claude Code loads this {ctx.noun} with empty metadata"
    return f"{ctx.product} reads no metadata from this {ctx.noun}"
