"""Helpers for field rules: spans inside scalars, tool entries, JavaScript truthiness.

Nothing here follows an alias: rules look at top-level values and their direct items only.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from agentls.frontmatter.yamlnodes import Alias, AnyNode, Mapping, Scalar, Sequence
from agentls.knowledge.claude_code import split_tools, tool_base
from agentls.model import Edit, Span
from agentls.rules.base import CheckContext


def truthy(value: Any) -> bool:
    """JavaScript truthiness of a loaded YAML value (``[]`` and ``{}`` are truthy)."""
    if value is None or value is False:
        return False
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return not (value == 0 or (isinstance(value, float) and math.isnan(value)))
    if isinstance(value, str):
        return value != ""
    return True


def is_int(value: Any) -> bool:
    """An integer as JavaScript sees it (``5.0`` counts, ``true`` does not)."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    return isinstance(value, float) and math.isfinite(value) and value.is_integer()


def show(node: AnyNode | None, ctx: CheckContext, limit: int = 40) -> str:
    """The value as written, short, for a message."""
    if node is None:
        return "empty"
    text = ctx.doc.text[node.start:node.end].strip()
    if not text:
        return "empty"
    text = text.splitlines()[0]
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"`{text}`"


def kind(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a map"
    return "not a string"


def string_offset(ctx: CheckContext, node: AnyNode) -> int | None:
    """Document offset of the first character of a string scalar's value, when the source
    holds the value verbatim on one line (plain or simple quoted); else ``None``."""
    if not isinstance(node, Scalar) or not isinstance(node.value, str) or not node.value:
        return None
    if node.style not in (None, "'", '"'):
        return None
    source = ctx.doc.text[node.start:node.end]
    if "\n" in source or "\r" in source:
        return None
    at = source.find(node.value)
    return None if at < 0 else node.start + at


def sub_span(ctx: CheckContext, node: AnyNode, start: int, end: int) -> Span:
    """The span of ``value[start:end]`` in the document, or the whole value as a fallback."""
    base = string_offset(ctx, node)
    if base is None:
        return ctx.node_span(node)
    return Span(base + start, base + end)


def value_node(ctx: CheckContext, key: str) -> AnyNode | None:
    pair = ctx.doc.pair(key)
    return pair[1] if pair else None


@dataclass(frozen=True)
class ToolEntry:
    text: str  # the whole entry, e.g. "Bash(git diff:*)"
    name: str  # the tool name, e.g. "Bash"
    node: Scalar  # the scalar holding it (the value, or a list item)
    span: Span  # the entry in the document (the whole scalar when not exact)
    name_span: Span  # the name only (likewise)
    exact: bool
    siblings: int  # entries in the same scalar
    index: int  # position among them


@dataclass
class ToolValue:
    node: AnyNode
    entries: list[ToolEntry]
    dropped: list[AnyNode]  # list items that are not strings
    aliased: bool  # some part is an alias: we do not look through it


def tool_value(ctx: CheckContext, key: str) -> ToolValue | None:
    """The entries of a ``tools``-like field, split as Claude Code splits them."""
    memo_key = f"tool_value:{key}"
    if memo_key not in ctx.doc.memo:  # seven rules ask for the same split
        ctx.doc.memo[memo_key] = _tool_value(ctx, key)
    found: ToolValue | None = ctx.doc.memo[memo_key]
    return found


def _tool_value(ctx: CheckContext, key: str) -> ToolValue | None:
    node = value_node(ctx, key)
    if node is None:
        return None
    out = ToolValue(node, [], [], isinstance(node, Alias))
    if isinstance(node, Scalar) and isinstance(node.value, str):
        out.entries.extend(_scalar_entries(ctx, node))
    elif isinstance(node, Sequence):
        for item in node.items:
            if isinstance(item, Alias):
                out.aliased = True
            elif isinstance(item, Scalar) and isinstance(item.value, str):
                out.entries.extend(_scalar_entries(ctx, item))
            else:
                out.dropped.append(item)
    return out


def _scalar_entries(ctx: CheckContext, node: Scalar) -> list[ToolEntry]:
    parts = split_tools(node.value)
    base = string_offset(ctx, node)
    whole = ctx.node_span(node)
    out = []
    for i, (s, e) in enumerate(parts):
        text = node.value[s:e]
        name = tool_base(text)
        if base is None:
            span = name_span = whole
        else:
            span = Span(base + s, base + e)
            name_span = Span(base + s, base + s + len(name))
        out.append(ToolEntry(text, name, node, span, name_span, base is not None, len(parts), i))
    return out


def remove_entry(ctx: CheckContext, value: ToolValue, entry: ToolEntry) -> Edit | None:
    """An edit that removes one entry and its separator, or ``None`` when not exact."""
    text = ctx.doc.text
    if entry.siblings > 1:
        if not entry.exact:
            return None
        if entry.index < entry.siblings - 1:  # up to the next entry
            end = entry.span.end
            while end < len(text) and (text[end] in ", \t"):
                end += 1
            return Edit(Span(entry.span.start, end), "")
        start = entry.span.start  # the last: back to the previous entry
        while start > 0 and text[start - 1] in ", \t":
            start -= 1
        return Edit(Span(start, entry.span.end), "")
    seq = value.node
    if not isinstance(seq, Sequence) or entry.node not in seq.items:
        return None
    items = seq.items
    i = items.index(entry.node)
    if seq.flow:
        if len(items) == 1:
            return None
        if i < len(items) - 1:
            return Edit(Span(items[i].start, items[i + 1].start), "")
        return Edit(Span(items[i - 1].end, items[i].end), "")
    line_start = text.rfind("\n", 0, entry.node.start) + 1
    if text[line_start:entry.node.start].strip() != "-":
        return None
    line_end = text.find("\n", entry.node.end)
    line_end = len(text) if line_end < 0 else line_end + 1
    if text[ctx.node_span(entry.node).end:line_end].strip():
        return None  # a comment or more on the line: leave it to the user
    return Edit(Span(line_start, line_end), "")


def mapping_value(ctx: CheckContext, key: str) -> Mapping | None:
    node = value_node(ctx, key)
    return node if isinstance(node, Mapping) else None


def item_span(ctx: CheckContext, item: AnyNode) -> Span:
    """A list item's span; an empty item points at its ``-``."""
    span = ctx.node_span(item)
    if span.end > span.start:
        return span
    dash = ctx.doc.text.rfind("-", 0, item.start)
    return Span(dash, dash + 1) if dash >= 0 else span



def key_str(node: AnyNode) -> str | None:
    """A mapping key's text when it is a string (complex keys such as ``? [a]`` give None)."""
    return node.value if isinstance(node.value, str) else None
