from __future__ import annotations

from collections.abc import Iterator

from agentls.model import Finding, Severity, Span
from agentls.rules.base import CheckContext, Example, Rule


class BinaryFile(Rule):
    """The file contains NUL bytes: it is not a text file.

    ## What it does
    Reports the first NUL character of a file in an agent location. agentls does not parse
    such a file.

    ## Why is this bad?
    A NUL byte means the file is binary, or was saved in an encoding such as UTF-16: no
    tool reads it as an agent definition as intended. Save it as UTF-8 text, or move it out
    of the agents folder.

    ## Example
    A `reviewer.md` saved as UTF-16 by an editor: every other byte is NUL.
    """

    code = "AG021"
    slug = "binary-file"
    severity = Severity.WARNING
    reads_body = True
    needs_mapping = False
    unparsed_only = True
    examples_bad = (Example("---\nname: a\x00\ndescription: d\n---\nBody\n"),)
    examples_good = (Example("---\nname: a\ndescription: d\n---\nBody\n"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for problem in ctx.doc.problems:
            if problem.kind == "binary":
                at = min(problem.offset, len(ctx.doc.text))
                yield ctx.finding(
                    Span(at, min(at + 1, len(ctx.doc.text))),
                    "a NUL character: the file looks binary (or UTF-16); agentls does not check "
                    f"it, and {ctx.product} will not read it as intended: save it as UTF-8 text")
