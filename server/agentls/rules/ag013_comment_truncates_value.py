from __future__ import annotations

from collections.abc import Iterator

from agentls.frontmatter import retry
from agentls.frontmatter.yamlnodes import Scalar
from agentls.model import Applicability, Edit, Effect, Finding, Fix, Severity, Span
from agentls.rules._values import comment_after, properties, show_value
from agentls.rules.base import CLAUDE_ALL, CheckContext, Example, Rule


class CommentTruncatesValue(Rule):
    """Part of an unquoted name or description is read as YAML syntax and dropped.

    ## What it does
    Reports a `name` or `description` written without quotes where YAML swallows part of
    the text: a ` #` starts a comment (`text #note` loads as `text`), a leading `&word` is an
    anchor and a leading `!word` a tag (`&a text` and `!t text` load as `text`).

    ## Why is this bad?
    The value Claude Code loads is shorter than what you wrote, without a warning. `C# code`
    is fine: a `#` starts a comment only after a space. A comment set apart by two spaces or
    a tab (`name: reviewer  # short name`) is most likely meant as one: it is reported as
    information only.

    ## Example
    ```yaml
    description: Reviews C and C++ #and more
    ```
    Claude Code loads `Reviews C and C++`. Quote the value to keep the text.
    """

    code = "AG013"
    slug = "comment-truncates-value"
    severity = Severity.WARNING
    effect = Effect.CHANGED
    dialects = CLAUDE_ALL
    keys = frozenset({"name", "description"})
    fixable = True
    examples_bad = (
        Example("---\nname: a\ndescription: text #note\n---\nBody\n",
                fixed='---\nname: a\ndescription: "text #note"\n---\nBody\n'),
        Example("---\nname: a\ndescription: &a text\n---\nBody\n",
                fixed='---\nname: a\ndescription: "&a text"\n---\nBody\n'),
        Example("---\nname: a\ndescription: !t text\n---\nBody\n"),
    )
    examples_good = (
        Example("---\nname: a\ndescription: C# code\n---\nBody\n"),
        Example('---\nname: a\ndescription: "text #note"\n---\nBody\n'),
    )

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        doc = ctx.doc
        aliased = {m.text for m in doc.markers if m.kind == "alias"}
        for key in ("name", "description"):
            pair = doc.pair(key)
            if pair is None or not isinstance(pair[1], Scalar) or pair[1].style is not None:
                continue
            node = pair[1]
            loads = f"`{key}` loads as {show_value(node.value)}"
            for kind, span in properties(doc, node):
                token = doc.text[span.start:span.end]
                if kind == "anchor" and token[1:] not in aliased:
                    yield ctx.finding(span, f"{loads}: `{token}` is read as a YAML anchor and "
                                      "dropped", fix=_quote(ctx, node.start, node.end))
                elif kind == "tag" and not token.startswith("!!") and token != "!":
                    yield ctx.finding(span, f"{loads}: `{token}` is read as a YAML tag and "
                                      "dropped", fix=_quote(ctx, node.start, node.end))
            comment = comment_after(doc, node)
            if comment is not None:
                written = doc.text[comment.start:comment.end]
                before = doc.text[max(0, comment.start - 2):comment.start]
                if before == "  " or before.endswith("\t"):
                    # Set apart like a code comment: most likely meant as one. Say so quietly.
                    yield ctx.finding(comment, f"{loads}: `{written}` is a YAML comment, not "
                                      "part of the value", severity=Severity.INFO, effect=None,
                                      fix=_quote(ctx, node.start, comment.end))
                else:
                    yield ctx.finding(comment, f"{loads}: `{written}` is a YAML comment",
                                      fix=_quote(ctx, node.start, comment.end))


def _quote(ctx: CheckContext, start: int, end: int) -> Fix | None:
    """Quote everything written, on one line (unsafe: the loaded value changes)."""
    text = ctx.doc.text[start:end]
    start += len(text) - len(text.lstrip(" \t"))
    text = text.lstrip(" \t")
    if "\n" in text or "\r" in text:
        return None
    return Fix("Quote the whole value", (Edit(Span(start, end), retry.quote(text)),),
               Applicability.UNSAFE)
