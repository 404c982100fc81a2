from __future__ import annotations

import re
from collections.abc import Iterator

from agentls.model import Finding, Severity, Span
from agentls.rules.base import CheckContext, Example, Rule

_TAG = re.compile(r"<(/?)(example|commentary)\b[^<>]*>", re.I)
_CODE_SPAN = re.compile(r"`[^`\n]*`")


class ExampleTagsUnbalanced(Rule):
    """`<example>` or `<commentary>` tags in the description do not balance.

    ## What it does
    Pairs `<example>` with `</example>` and `<commentary>` with `</commentary>` inside the
    description value (where `/agents` and most community agents put them) and points at
    each tag left without a partner, or closed across another.

    ## Why is this bad?
    The description is the text Claude reads to decide when to delegate. An unclosed
    `<example>` runs into the next one and blurs where an example ends; a stray closing tag
    is noise. Descriptions that were cut short (a `---` or a ` #` in the value, a YAML
    error) often show up here first.

    ## Example
    ```yaml
    description: "Use for reviews. <example>user: review this <commentary>why</example>"
    ```
    Close the `<commentary>` before `</example>`.
    """

    code = "AG112"
    slug = "example-tags-unbalanced"
    severity = Severity.WARNING
    keys = frozenset({"description"})
    examples_bad = (
        Example('---\nname: a\ndescription: "Use it. <example>user: hi"\n---\nBody\n'),
        Example('---\nname: a\ndescription: "x</commentary>"\n---\nBody\n'),
    )
    examples_good = (Example(
        '---\nname: a\ndescription: "<example>a<commentary>b</commentary></example>"\n'
        "---\nBody\n"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        pair = ctx.doc.pair("description")
        if pair is None or not isinstance(pair[1].value, str) or "<" not in pair[1].value:
            return
        value: str = pair[1].value
        node = pair[1]
        stack: list[re.Match[str]] = []
        bad: list[tuple[re.Match[str], str]] = []
        code = [m.span() for m in _CODE_SPAN.finditer(value)]
        for match in _TAG.finditer(value):
            if any(s <= match.start() < e for s, e in code):
                continue  # `<example>` written as code is text about the tag, not a tag
            name = match.group(2).lower()
            if not match.group(1):
                stack.append(match)
            elif stack and stack[-1].group(2).lower() == name:
                stack.pop()
            elif any(m.group(2).lower() == name for m in stack):
                while stack[-1].group(2).lower() != name:  # closed across: report the inner
                    inner = stack.pop()
                    bad.append((inner, f"`<{inner.group(2)}>` is not closed before "
                                       f"`</{name}>`"))
                stack.pop()
            else:
                bad.append((match, f"`{match.group()}` closes nothing"))
        bad.extend((m, f"`<{m.group(2)}>` is never closed") for m in stack)
        source = ctx.doc.text[node.start:node.end]
        for match, why in sorted(bad, key=lambda b: b[0].start())[:20]:
            yield ctx.finding(_locate(source, node.start, value, match) or ctx.node_span(node),
                              f"unbalanced tag in the description: {why}")


def _locate(source: str, base: int, value: str, match: re.Match[str]) -> Span | None:
    """The k-th occurrence of the tag text in the value is the k-th in the source."""
    tag = match.group()
    k = value.count(tag, 0, match.start())
    at = -1
    for _ in range(k + 1):
        at = source.find(tag, at + 1)
        if at < 0:
            return None
    return Span(base + at, base + at + len(tag))
