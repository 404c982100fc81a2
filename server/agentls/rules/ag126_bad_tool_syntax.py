from __future__ import annotations

from collections.abc import Iterator

from agentls.frontmatter.yamlnodes import Alias, Mapping, Scalar, Sequence
from agentls.model import Effect, Finding, Severity
from agentls.rules._fields import item_span, kind, show, tool_value
from agentls.rules.base import CLAUDE_AGENTS, CheckContext, Example, Rule


class BadToolSyntax(Rule):
    """A `tools` or `disallowedTools` entry is malformed, or a list item is not a string.

    ## What it does
    Reports entries with unbalanced parentheses (`Bash(git diff`), list items that are not
    strings (`- 7`, `- {a: b}`, nested lists), and a `disallowedTools` value that is neither
    a string nor a list.

    ## Why is this bad?
    Claude Code splits tool strings on commas and spaces *outside* parentheses: a missing
    `)` glues every later entry into one unknown name. Non-string list items are dropped
    silently, and a `disallowedTools` map or number disallows nothing.

    ## Example
    ```yaml
    tools: Bash(git diff, Read
    ```
    Close the parenthesis: `tools: Bash(git diff), Read`.
    """

    code = "AG126"
    slug = "bad-tool-syntax"
    severity = Severity.WARNING
    effect = Effect.CHANGED
    dialects = CLAUDE_AGENTS
    keys = frozenset({"tools", "disallowedTools"})
    examples_bad = (
        Example("---\nname: a\ndescription: d\ntools: Bash(git diff, Read\n---\nBody\n"),
        Example("---\nname: a\ndescription: d\ntools:\n  - Read\n  - 7\n---\nBody\n"),
    )
    examples_good = (Example("---\nname: a\ndescription: d\ntools: Bash(git diff), Read\n---\nB\n"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for key in ("tools", "disallowedTools"):
            value = tool_value(ctx, key)
            if value is None:
                continue
            node = value.node
            if key == "disallowedTools" and not isinstance(node, Alias) and node.value is not None \
                    and not isinstance(node.value, (str, list)):
                yield ctx.finding(ctx.node_span(node),
                                  f"`disallowedTools` is {kind(node.value)}: it disallows nothing")
            for entry in value.entries:
                if entry.text.count("(") != entry.text.count(")"):
                    why = "later entries run into it"
                    if isinstance(node, Sequence) and node.flow:
                        why = "a `[...]` list splits at every comma: quote entries with commas"
                    yield ctx.finding(
                        entry.span,
                        f"unbalanced parentheses in `{key}` entry `{_short(entry.text)}`: {why}",
                    )
            for item in value.dropped:
                what = "a map" if isinstance(item, Mapping) else kind(item.value)
                if isinstance(item, Scalar) and item.value is None:
                    what = "empty"
                yield ctx.finding(
                    item_span(ctx, item),
                    f"`{key}` item {show(item, ctx)} is {what}, not a string: dropped",
                )


def _short(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
