from __future__ import annotations

from collections.abc import Iterator

from agentls.frontmatter.yamlnodes import Scalar
from agentls.model import Effect, Finding, Severity, Span
from agentls.rules.base import CheckContext, Example, Rule


class DescriptionEscapedNewline(Rule):
    """A `\\n` (backslash, n) in a subagent description becomes a real line break.

    ## What it does
    Reports each backslash-n in a subagent's loaded description: in a plain or
    single-quoted value, where YAML keeps it as two characters, or written `\\\\n` in a
    double-quoted one.

    ## Why is this bad?
    Claude Code replaces every backslash-n in a subagent description with a line break, so
    the text Claude sees differs from the YAML value that every other tool reads. Plugin
    agents keep the two characters. Usually it is what you meant; write it so that YAML
    agrees: a double-quoted value, where `\\n` is a line break for every parser.

    ## Example
    ```yaml
    description: Reviews code.\\nUse after every change.
    ```
    Write `description: "Reviews code.\\nUse after every change."`.
    """

    code = "AG111"
    slug = "description-escaped-newline"
    severity = Severity.INFO
    effect = Effect.CHANGED
    dialects = frozenset({"claude-agent"})
    keys = frozenset({"description"})
    examples_bad = (Example("---\nname: a\ndescription: a\\nb\n---\nBody\n"),)
    examples_good = (Example('---\nname: a\ndescription: "a\\nb"\n---\nBody\n'),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        pair = ctx.doc.pair("description")
        if pair is None or not isinstance(pair[1], Scalar) or not isinstance(pair[1].value, str):
            return
        node = pair[1]
        if "\\n" not in node.value:
            return
        # One finding per description, at the first `\n`: a long /agents-style description
        # has dozens, and they all mean the same thing.
        spans = _sources(ctx.doc.text, node) or [ctx.node_span(node)]
        count = node.value.count("\\n")
        what = "this `\\n`" if count == 1 else f"the {count} `\\n` in this description"
        yield ctx.finding(spans[0], f"Claude Code turns {what} into line breaks; other YAML "
                          "readers keep backslash-n")


def _sources(text: str, node: Scalar) -> list[Span]:
    """Where each loaded backslash-n is written."""
    out: list[Span] = []
    i, end = node.start, node.end
    if node.style == '"':
        while i < end - 1:
            if text[i] == "\\":
                if text.startswith("\\\\n", i):
                    out.append(Span(i, i + 3))
                i += 2
                continue
            i += 1
        return out
    while True:
        i = text.find("\\n", i, end)
        if i < 0:
            return out
        out.append(Span(i, i + 2))
        i += 2
