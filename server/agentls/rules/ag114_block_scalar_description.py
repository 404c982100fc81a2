from __future__ import annotations

from collections.abc import Iterator

from agentls.frontmatter.yamlnodes import Scalar
from agentls.model import Finding, Severity, Span
from agentls.rules.base import CheckContext, Example, Rule


class BlockScalarDescription(Rule):
    """A subagent description written as a `|` or `>` block keeps a final line break.

    ## What it does
    Reports a subagent `description` written as a literal (`|`) or folded (`>`) block
    scalar whose loaded text ends with a newline (the default "clip" chomping; `|-` and
    `>-` strip it).

    ## Why is this bad?
    Claude Code does not trim subagent descriptions, so the text ends with a line break, as
    YAML says. Harmless on its own, but fragile: if any other line of the frontmatter breaks
    strict YAML, Claude Code's lenient retry turns the `|` or `>` into the text of the
    description and the indented lines below break the parse, and the agent is skipped.
    Plugin agents, skills and commands trim the description.

    ## Example
    ```yaml
    description: >
      Reviews code.
    ```
    Prefer a one-line quoted description: `description: "Reviews code."`.
    """

    code = "AG114"
    slug = "block-scalar-description"
    severity = Severity.INFO
    # Loading the final newline is what YAML says ("as written"): no effect on the verdict.
    effect = None
    dialects = frozenset({"claude-agent"})
    keys = frozenset({"description"})
    examples_bad = (
        Example("---\nname: a\ndescription: >\n  a\n  b\n---\nBody\n"),
        Example("---\nname: a\ndescription: |\n  a\n  b\n---\nBody\n"),
    )
    examples_good = (Example("---\nname: a\ndescription: |-\n  a\n  b\n---\nBody\n"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        pair = ctx.doc.pair("description")
        if pair is None or not isinstance(pair[1], Scalar) or pair[1].style not in ("|", ">"):
            return
        node = pair[1]
        if not isinstance(node.value, str) or not node.value.endswith("\n"):
            return
        indicator = ctx.doc.text.find(node.style or "|", node.start, node.end)
        span = Span(indicator, indicator + 1) if indicator >= 0 else ctx.node_span(node)
        header_end = ctx.doc.text.find("\n", indicator if indicator >= 0 else node.start)
        if indicator >= 0 and header_end > indicator:
            header = ctx.doc.text[indicator:header_end].split("#", 1)[0].rstrip()
            span = Span(indicator, indicator + len(header))
        yield ctx.finding(
            span, f"the `{node.style}` block keeps a final line break: Claude Code loads the "
            f"description as {_show(node.value)}; a quoted one-line value is safer")


def _show(value: str) -> str:
    text = value if len(value) <= 40 else value[:20] + "…" + value[-12:]
    return repr(text)
