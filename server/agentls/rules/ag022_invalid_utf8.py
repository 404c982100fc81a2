from __future__ import annotations

from collections.abc import Iterator

from agentls.model import Effect, Finding, Severity, Span
from agentls.rules.base import CheckContext, Example, Rule


class InvalidUtf8(Rule):
    """The file is not valid UTF-8: the bad bytes become U+FFFD (`�`).

    ## What it does
    Reports the first byte sequence that is not valid UTF-8 (in an editor: a character that
    is not valid Unicode).

    ## Why is this bad?
    Claude Code decodes agent files as UTF-8 and replaces every invalid byte with the
    replacement character U+FFFD, so names and descriptions can load with `�` in them. The
    usual cause is a file saved as Latin-1 or Windows-1252. Save it as UTF-8.

    ## Example
    `description: Café` saved as Latin-1: Claude Code loads `Caf�`.
    """

    code = "AG022"
    slug = "invalid-utf8"
    severity = Severity.WARNING
    reads_body = True
    effect = Effect.CHANGED
    needs_mapping = False
    examples_bad = (Example("---\nname: a\ndescription: Caf\udce9\n---\nBody\n"),)
    examples_good = (Example("---\nname: a\ndescription: Café\n---\nBody\n"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        problems = ctx.doc.problems
        if any(p.kind == "binary" for p in problems):
            return  # AG021 says it: a binary file is not text at all
        for problem in problems:
            if problem.kind == "invalid-utf8":
                text = ctx.doc.text
                at = min(problem.offset, len(text))
                who = "Claude Code reads" if ctx.dialect.startswith("claude-") else "UTF-8 readers see"
                yield ctx.finding(
                    Span(at, min(at + 1, len(text))),
                    f"{problem.message}: {who} it as U+FFFD (\N{REPLACEMENT CHARACTER}); save the "
                    "file as UTF-8")
