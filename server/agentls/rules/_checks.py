"""Generic value checks shared by field rules: enums, types, strings or lists of strings."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from collections.abc import Sequence as Sequence_

from agentls.frontmatter.yamlnodes import Alias, AnyNode, Scalar, Sequence
from agentls.knowledge.claude_code import suggest
from agentls.model import Applicability, Edit, Finding, Fix, Span
from agentls.rules._fields import is_int, item_span, kind, show, string_offset, value_node
from agentls.rules.base import CheckContext


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
                       f"`{key}: {_clip(value)}` is not {'' if len(allowed) == 1 else 'one of '}"
                       f"{choices}: {consequence}{hint}",
                       fix=fix)


def _clip(text: str, limit: int = 40) -> str:
    text = text.splitlines()[0] if text.strip() else repr(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def type_finding(ctx: CheckContext, key: str, ok: tuple[type, ...], expected: str,
                 consequence: str) -> Finding | None:
    """A finding when ``key`` is set (not empty, not an alias) to a value of another type."""
    pair = ctx.doc.pair(key)
    if pair is None or isinstance(pair[1], Alias) or pair[1].value is None:
        return None
    value = pair[1].value
    if isinstance(value, ok) and not (isinstance(value, bool) and bool not in ok):
        return None
    return ctx.finding(ctx.node_span(pair[1]), f"`{key}` is {kind(value)} ({show(pair[1], ctx)}),"
                       f" not {expected}: {consequence}")


def string_list_findings(ctx: CheckContext, key: str, bad_item: Callable[[AnyNode], str],
                         bad_whole: Callable[[AnyNode], str]) -> Iterator[Finding]:
    """For keys that take a string or a list of strings: one finding per list item that is
    not a string, or one for the whole value when it is neither. Aliases are not followed."""
    node = value_node(ctx, key)
    if node is None or isinstance(node, Alias) or node.value is None:
        return
    if isinstance(node, Sequence):
        for item in node.items:
            if isinstance(item, Alias) or (isinstance(item, Scalar) and isinstance(item.value, str)):
                continue
            yield ctx.finding(item_span(ctx, item), bad_item(item))
    elif not isinstance(node.value, str):
        yield ctx.finding(ctx.node_span(node), bad_whole(node))
