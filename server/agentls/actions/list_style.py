"""Convert a list-valued key (``tools``, ``skills`` …) between a comma-separated string and
a YAML block list; Claude Code reads both alike, so the choice is the user's style."""

from __future__ import annotations

from agentls.actions.yaml_text import newline, scalar
from agentls.frontmatter.document import AgentDocument, ParseState
from agentls.frontmatter.yamlnodes import Scalar, Sequence
from agentls.knowledge.claude_code import split_tools
from agentls.model import Edit, Fix, Span

LIST_KEYS = ("tools", "disallowedTools", "allowed-tools", "disallowed-tools", "skills")


def convert_lists(doc: AgentDocument, lo: int, hi: int) -> list[Fix]:
    """A conversion for each list key whose lines meet the range ``lo``..``hi``."""
    if doc.state is not ParseState.OK or doc.root is None:
        return []  # offsets after a retry rewrite are not safe to splice
    text = doc.text
    out = []
    for key in LIST_KEYS:
        pair = doc.pair(key)
        if pair is None:
            continue
        knode, vnode = pair
        line_start = text.rfind("\n", 0, knode.start) + 1
        if not (line_start <= hi and lo <= max(vnode.end, knode.end)):
            continue
        colon = text.find(":", knode.end)
        end = vnode.end
        while end > colon and text[end - 1] in " \t\r\n":
            end -= 1
        where = Span(colon + 1, end)
        if isinstance(vnode, Scalar) and isinstance(vnode.value, str) and vnode.style in (None, "'", '"') \
                and "\n" not in text[vnode.start:vnode.end]:
            entries = [vnode.value[s:e] for s, e in split_tools(vnode.value)]
            if entries:
                new = "".join(f"{newline(doc)}  - {scalar(v)}" for v in entries)
                out.append(Fix(f"Convert `{key}` to a YAML list", (Edit(where, new),)))
        elif isinstance(vnode, Sequence) and vnode.items and all(
                isinstance(i, Scalar) and isinstance(i.value, str) for i in vnode.items):
            joined = ", ".join(str(i.value) for i in vnode.items)
            out.append(Fix(f"Convert `{key}` to a comma-separated string",
                           (Edit(where, " " + scalar(joined)),)))
    return out
