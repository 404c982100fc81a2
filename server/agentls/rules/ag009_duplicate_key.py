from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from agentls.frontmatter.document import ParseState
from agentls.frontmatter.yamlnodes import AnyNode, Mapping, Scalar
from agentls.model import Edit, Effect, Finding, Fix, Severity, Span
from agentls.rules._values import show_value
from agentls.rules.base import CheckContext, Example, Rule


class DuplicateKey(Rule):
    """The same key appears twice: Claude Code keeps the last one.

    ## What it does
    Reports every earlier occurrence of a key that appears again in the same mapping (the
    frontmatter, or a map directly under one of its keys), and says which value loads.

    ## Why is this bad?
    Claude Code's YAML parser keeps the **last** value without a word, so the first one,
    often the one you edit, is ignored. Other tools disagree: ruamel.yaml rejects the file
    or keeps the first value, so the same file means different things to different tools.

    ## Fix
    The quick fix removes the earlier occurrence, so what Claude Code loads does not change.

    ## Example
    ```yaml
    description: Reviews code
    description: Reviews pull requests
    ```
    Claude Code loads `Reviews pull requests`.
    """

    code = "AG009"
    slug = "duplicate-key"
    severity = Severity.WARNING
    effect = Effect.CHANGED
    fixable = True
    examples_bad = (
        Example("---\nname: a\ndescription: d1\ndescription: d2\n---\nBody\n",
                fixed="---\nname: a\ndescription: d2\n---\nBody\n"),
        Example("---\nname: a\ndescription: d\nhooks:\n  Stop: []\n  Stop: []\n---\nBody\n"),
    )
    examples_good = (Example("---\nname: a\ndescription: d\n---\nBody\n"),)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        root = ctx.doc.root
        if root is None:
            return
        yield from self._mapping(ctx, root, None)
        for _key, value in root.pairs:
            if isinstance(value, Mapping):  # one level down, never through aliases
                yield from self._mapping(ctx, value, _key.value)

    def _mapping(self, ctx: CheckContext, mapping: Mapping, parent: Any) -> Iterator[Finding]:
        last: dict[tuple[type, Any], int] = {}
        keys: list[tuple[type, Any] | None] = []
        for i, (key, _) in enumerate(mapping.pairs):
            ident = _ident(key)
            keys.append(ident)
            if ident is not None:
                last[ident] = i
        for i, (key, _value) in enumerate(mapping.pairs):
            ident = keys[i]
            if ident is None or last[ident] == i:
                continue
            winner_key, winner = mapping.pairs[last[ident]]
            line = ctx.doc.index.line_of(winner_key.start) + 1
            name = f"`{key.value}`" if parent is None else f"`{parent}.{key.value}`"
            if isinstance(winner.value, (dict, list)) or winner.value is None:
                loads = f"the value on line {line}"
            else:
                loads = f"{show_value(winner.value)} (line {line})"
            who = "Claude Code keeps" if ctx.dialect.startswith("claude-") else "most tools keep"
            message = (f"duplicate key {name}: {who} the last one, {loads}, and ignores this "
                       "one; some YAML tools keep the first or reject the file")
            # A duplicate name loads the agent under the last name, as one would read it;
            # any other duplicate drops a value that was written.
            effect = None if (parent is None and key.value == "name") else Effect.CHANGED
            yield ctx.finding(ctx.node_span(key), message, fix=_removal(ctx, mapping, i),
                              effect=effect)


def _ident(key: AnyNode) -> tuple[type, Any] | None:
    if not isinstance(key, Scalar):
        return None
    try:
        hash(key.value)
    except TypeError:
        return None
    return (type(key.value), key.value)


def _removal(ctx: CheckContext, mapping: Mapping, i: int) -> Fix | None:
    """Remove the whole lines of pair ``i`` of a block mapping, when that is clearly safe:
    the strict parse succeeded (no retry whose rewrite could change), the pair starts its
    line and the next pair starts a later one, and no anchor in it is used elsewhere."""
    doc = ctx.doc
    block = doc.block
    if doc.state is not ParseState.OK or mapping.flow or block is None:
        return None
    text = doc.text
    key, value = mapping.pairs[i]
    start = text.rfind("\n", 0, key.start) + 1
    if text[start:key.start].strip():
        return None
    if i + 1 >= len(mapping.pairs):
        return None  # an earlier duplicate always has a later pair
    value_end = ctx.node_span(value).end
    end = text.find("\n", value_end)
    next_key = mapping.pairs[i + 1][0]
    if end < 0 or end >= next_key.start:
        return None
    end += 1
    rest = text[value_end:end].strip()
    if rest and not rest.startswith("#"):
        return None
    if any(m.kind == "anchor" and start <= m.start < end for m in doc.markers):
        return None
    return Fix("Remove the earlier duplicate (Claude Code loads the last one)",
               (Edit(Span(start, end), ""),))
