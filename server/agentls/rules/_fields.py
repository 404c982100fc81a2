"""Helpers for field rules: spans inside scalars, tool entries, JavaScript truthiness.

Nothing here follows an alias: rules look at top-level values and their direct items only.
"""

from __future__ import annotations

import math
from collections.abc import Sequence as Sequence_
from dataclasses import dataclass
from typing import Any

from agentls.frontmatter.yamlnodes import Alias, AnyNode, Mapping, Scalar, Sequence
from agentls.model import Applicability, Edit, Finding, Fix, Span
from agentls.rules._claude_values import split_tools, suggest, tool_base
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


def enum_finding(ctx: CheckContext, key: str, allowed: Sequence_[str], consequence: str, *,
                 any_case: bool = False, ok_ints: bool = False,
                 synonyms: dict[str, str] | None = None) -> Finding | None:
    """A finding for a value outside ``allowed`` (None when it is fine, empty, or an alias).

    A fix is offered when one choice is close; it is safe when only the case differs.
    """
    pair = ctx.doc.pair(key)
    if pair is None or isinstance(pair[1], Alias) or pair[1].value is None:
        return None
    node, value = pair[1], pair[1].value
    if ok_ints and is_int(value):
        return None
    choices = ", ".join(f"`{a}`" for a in allowed)
    if not isinstance(value, str):
        return ctx.finding(ctx.node_span(node), f"`{key}` is {kind(value)} ({show(node, ctx)}), "
                           f"not one of {choices}: {consequence}")
    if (value.lower() if any_case else value) in ({a.lower() for a in allowed} if any_case
                                                  else set(allowed)):
        return None
    found = [synonyms[value.lower()]] if synonyms and value.lower() in synonyms else []
    found = found or suggest(value, allowed)
    hint, fix = "", None
    if found:
        hint = " (did you mean " + " or ".join(f"`{c}`" for c in found[:2]) + "?)"
        base = string_offset(ctx, node)
        if len(found) == 1 and base is not None:
            safe = found[0].lower() == value.lower()
            fix = Fix(f"Replace with `{found[0]}`",
                      (Edit(Span(base, base + len(value)), found[0]),),
                      Applicability.SAFE if safe else Applicability.UNSAFE)
    return ctx.finding(ctx.node_span(node),
                       f"`{key}: {_clip(value)}` is not one of {choices}: {consequence}{hint}",
                       fix=fix)


def _clip(text: str, limit: int = 40) -> str:
    text = text.splitlines()[0] if text.strip() else repr(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def item_span(ctx: CheckContext, item: AnyNode) -> Span:
    """A list item's span; an empty item points at its ``-``."""
    span = ctx.node_span(item)
    if span.end > span.start:
        return span
    dash = ctx.doc.text.rfind("-", 0, item.start)
    return Span(dash, dash + 1) if dash >= 0 else span
