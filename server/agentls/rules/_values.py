"""Helpers for the structure, name and description rules (AG007-AG023, AG100-AG115).

How Claude Code turns values into strings (JavaScript ``String()``), how a value is shown in
a message, where YAML properties (``&anchor``, ``!tag``) sit in the text, the id of a plugin
agent, and the description a skill or command takes from its body. Nothing here follows an
alias or recurses.
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Any

from agentls.frontmatter.document import AgentDocument
from agentls.frontmatter.yamlnodes import AnyNode, Mapping
from agentls.model import Span


def js_string(value: Any) -> str:
    """JavaScript's ``String(value)`` for a loaded YAML value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
        if value.is_integer() and abs(value) < 1e21:
            return str(int(value))
        return repr(value)
    if isinstance(value, list):
        return ",".join("" if v is None else js_string(v) for v in value)
    if isinstance(value, dict):
        return "[object Object]"
    return str(value)


def show_value(value: Any, limit: int = 60) -> str:
    """A loaded value as a reader would name it: `'text'`, `49`, `true`, `null`, a list."""
    if isinstance(value, str):
        text = value if len(value) <= limit else value[: limit - 1] + "…"
        return repr(text)
    if value is None:
        return "null (empty)"
    if isinstance(value, (bool, int, float)):
        kind = "the boolean" if isinstance(value, bool) else "the number"
        return f"{kind} {js_string(value)}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a map"
    return "a non-string value"


def utf16_len(text: str) -> int:
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def utf16_cut(text: str, limit: int) -> int:
    """The index of the first character past ``limit`` UTF-16 code units."""
    count = 0
    for i, ch in enumerate(text):
        count += 2 if ord(ch) > 0xFFFF else 1
        if count > limit:
            return i
    return len(text)


def properties(doc: AgentDocument, node: AnyNode) -> list[tuple[str, Span]]:
    """The ``&anchor`` and ``!tag`` tokens written at the start of a node, with their spans."""
    text = doc.text
    out: list[tuple[str, Span]] = []
    pos = node.start
    limit = min(len(text), max(node.end, node.start + 512))
    while pos < limit and text[pos] in "&!" and len(out) < 2:
        end = pos
        while end < limit and not text[end].isspace():
            end += 1
        out.append(("anchor" if text[pos] == "&" else "tag", Span(pos, end)))
        pos = end
        while pos < limit and text[pos] in " \t":
            pos += 1
    return out


def comment_after(doc: AgentDocument, node: AnyNode) -> Span | None:
    """A ``# comment`` following a plain value on the line where it ends."""
    text = doc.text
    end = node.end
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    block = doc.block
    if block is not None:
        line_end = min(line_end, block.end)
    rest = text[end:line_end]
    match = re.match(r"[ \t]*(#.*?)[ \t\r]*\Z", rest) if rest[:1] in (" ", "\t", "#") else None
    if match is None or (match.start(1) == 0 and end > 0 and text[end - 1] not in " \t:"):
        return None
    return Span(end + match.start(1), end + match.end(1))


def plugin_name(doc: AgentDocument) -> str:
    """The plugin's folder name (the folder holding ``agents/``), or ``<plugin>``."""
    parts = (doc.path or "").replace("\\", "/").split("/")
    for i in range(len(parts) - 2, 0, -1):
        if parts[i] == "agents" and parts[i - 1]:
            return parts[i - 1]
    return "<plugin>"


def plugin_agent_id(doc: AgentDocument, name: str | None) -> str:
    """``<plugin>:<subdirs…>:<name>``; ``name=None`` means the file name."""
    parts = (doc.path or "").replace("\\", "/").split("/")
    subdirs: list[str] = []
    for i in range(len(parts) - 2, 0, -1):
        if parts[i] == "agents":
            subdirs = parts[i + 1 : -1]
            break
    if name is None:
        stem = parts[-1] if parts[-1] else "<file>"
        name = stem[:-3] if stem.lower().endswith(".md") else stem
    return ":".join([plugin_name(doc), *subdirs, name])


_HEADING = re.compile(r"^#+\s+")


def body_description(body: str) -> str | None:
    """The first non-empty body line, a heading's ``#`` marks (``^#+\\s+``) and whitespace
    stripped, cut to 100."""
    for line in body.split("\n"):
        text = _HEADING.sub("", line.strip()).strip()
        if text:
            return text if len(text) <= 100 else text[:97] + "..."
    return None


def wrong_case_key(root: Mapping | None, key: str) -> AnyNode | None:
    """A key spelled like ``key`` but for case or surrounding spaces (``Name:`` for ``name``)."""
    if root is None:
        return None
    for k, _ in root.pairs:
        if isinstance(k.value, str) and k.value != key and k.value.strip().lower() == key.lower():
            return k
    return None


def nfkc_colons(name: str) -> list[int]:
    """Indices of the characters that are, or normalise (NFKC) to, ``:``."""
    return [i for i, ch in enumerate(name) if ":" in unicodedata.normalize("NFKC", ch)]
