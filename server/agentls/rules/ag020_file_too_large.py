from __future__ import annotations

from collections.abc import Iterator

from agentls.frontmatter.document import CLAUDE_SIZE_LIMIT
from agentls.model import Effect, Finding, Severity
from agentls.rules.base import CheckContext, Example, Rule


class FileTooLarge(Rule):
    """The file is larger than Claude Code reads (1,048,576 bytes), or than agentls checks.

    ## What it does
    Reports a file over 1,048,576 bytes (1 MiB), which Claude Code never reads, and a file
    over the configured `max-file-size`, which agentls does not parse.

    ## Why is this bad?
    Claude Code skips agent, skill and command files over 1,048,576 bytes; a file of
    exactly 1,048,576 bytes still loads. Nothing tells you. An agent file that large is
    almost always a mistake (a pasted log, a generated file); move the bulk out of it.

    ## Example
    A 1.2 MB `.claude/agents/reviewer.md`: Claude Code has no `reviewer` agent.
    """

    code = "AG020"
    slug = "file-too-large"
    severity = Severity.ERROR
    reads_body = True
    effect = Effect.SKIP
    needs_mapping = False
    examples_bad = (Example("---\nname: a\ndescription: d\n---\n" + "x" * CLAUDE_SIZE_LIMIT),)
    examples_good = (Example("---\nname: a\ndescription: d\n---\nBody\n"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        doc = ctx.doc
        span = ctx.open_delimiter_span()
        if doc.byte_size > CLAUDE_SIZE_LIMIT and ctx.dialect.startswith("claude-"):
            yield ctx.finding(
                span,
                f"{ctx.skip_prefix()}: the file is {doc.byte_size:,} bytes and Claude Code does "
                f"not read files over {CLAUDE_SIZE_LIMIT:,} bytes",
            )
            return
        for problem in doc.problems:
            if problem.kind == "too-large":
                yield ctx.finding(
                    span, f"agentls did not check this file: {problem.message} (max-file-size)",
                    severity=Severity.WARNING, effect=None)
