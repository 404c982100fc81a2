"""One file's contribution to the workspace model, read the way Claude Code reads it.

Only the frontmatter is parsed (with the Claude-Code-faithful reader); the body is scanned
once for secrets and measured for a token estimate. Nothing here keeps the text.
"""

from __future__ import annotations

import copy
import re
import unicodedata
from typing import Any

from agentls.agentindex import secrets
from agentls.agentindex.model import Entry, Kind, Loc, Ref, Tree
from agentls.frontmatter.document import AgentDocument, ParseState, load_bytes, load_text
from agentls.frontmatter.yamlnodes import AnyNode, Mapping, Scalar, Sequence
from agentls.knowledge.claude_code import split_tools, tool_base
from agentls.model import Span

SKILL_DESCRIPTION_CUT = 1536  # skillListingMaxDescChars
CHARS_PER_TOKEN = 4  # the usual rough estimate for English prose and code

DIALECT = {
    (Kind.AGENT, False): "claude-agent", (Kind.AGENT, True): "claude-plugin-agent",
    (Kind.SKILL, False): "claude-skill", (Kind.SKILL, True): "claude-skill",
    (Kind.COMMAND, False): "claude-command", (Kind.COMMAND, True): "claude-command",
}



def read_bytes(path: str, data: bytes, tree: Tree) -> Entry:
    dialect = DIALECT[(tree.kind, tree.plugin is not None)]
    return from_document(path, load_bytes(data, path, dialect), tree)


def dialect_of(tree: Tree) -> str:
    return DIALECT[(tree.kind, tree.plugin is not None)]


def read_text(path: str, text: str, tree: Tree) -> Entry:
    dialect = dialect_of(tree)
    return from_document(path, load_text(text, path, dialect), tree)


def from_document(path: str, doc: AgentDocument, tree: Tree) -> Entry:
    """The file's entry."""
    data: dict[str, Any] = doc.data if doc.state in (ParseState.OK, ParseState.RESCUED) else {}
    # What comes from the frontmatter alone is worked out once per parse: while the user types
    # in the body, the checker hands over the same parsed frontmatter (``doc.memo`` is shared).
    key = f"index-entry:{path}:{tree.kind.value}:{tree.plugin}"
    head: Entry | None = doc.memo.get(key)
    if head is None:
        head = Entry(path, tree, None, True, doc.dialect)
        _identity(head, doc, data)
        _head_refs(head, doc)
        doc.memo[key] = head
    entry = copy.copy(head)
    entry.refs = list(head.refs)
    _description(entry, doc, data)  # a skill without one takes its first body line
    body_start = doc.block.body_start if doc.block is not None else (1 if doc.cut.bom else 0)
    body_len = len(doc.text) - body_start
    entry.body_tokens = (body_len + CHARS_PER_TOKEN - 1) // CHARS_PER_TOKEN
    entry.secrets = secrets.find_secrets(doc.text, body_start)
    return entry


def _head_refs(entry: Entry, doc: AgentDocument) -> None:
    if entry.tree.kind is Kind.AGENT and doc.root is not None:
        _agent_refs(entry, doc)
    elif entry.tree.kind is Kind.SKILL and doc.root is not None:
        pair = doc.pair("agent")
        if pair is not None and isinstance(pair[1], Scalar) and isinstance(pair[1].value, str):
            node = pair[1]
            entry.refs.append(Ref("agent", node.value.strip(), Span(node.start, node.end)))


def loc_of(text: str, span: Span) -> Loc:
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.start)
    if line_end < 0:
        line_end = len(text)
    line = text.count("\n", 0, span.start)
    end = min(span.end, line_end)
    return Loc(line, span.start - line_start, end - line_start,
               text[line_start:min(line_end, line_start + 400)].rstrip("\r"))


def _identity(entry: Entry, doc: AgentDocument, data: dict[str, Any]) -> None:
    tree, path = entry.tree, entry.path
    stem = _stem(path)
    pair = doc.pair("name")
    if pair is not None:
        entry.name_span = Span(pair[1].start, pair[1].end) if pair[1].end > pair[1].start \
            else Span(pair[0].start, pair[0].end)
    raw = data.get("name")
    if tree.kind is Kind.AGENT and tree.plugin is None:
        entry.name = raw if isinstance(raw, str) and raw else None
        entry.loads = entry.name is not None and _agent_loads(entry.name, data)
    elif tree.kind is Kind.AGENT:
        shown = _js_string(raw) if raw is not None else ""
        if not shown or len(shown) > 256:
            shown = stem
        sub = _subdirs(path, tree.root)
        entry.name = ":".join([tree.plugin or "", *sub, shown])
    elif tree.kind is Kind.SKILL:
        folder = path.replace("\\", "/").rstrip("/").split("/")[-2]
        entry.name = f"{tree.plugin}:{re.sub(r'[^A-Za-z0-9_-]', '-', folder)}" if tree.plugin else folder
        entry.name_span = None  # the directory names a skill; a frontmatter name is a label
    else:
        # A command is named after its path below `commands/` (`git/x.md` is `git:x`); a
        # plugin command's frontmatter `name` renames it (observed in Claude Code 2.1.332).
        parts = [*_subdirs(path, tree.root), stem]
        if stem.lower() == "skill" and len(parts) > 1:
            parts = parts[:-1]  # `commands/x/SKILL.md` is the command `x`
        shown = _js_string(raw) if tree.plugin and raw is not None else ""
        if shown and len(shown) <= 256:
            parts = [shown]
        entry.name = ":".join([tree.plugin, *parts] if tree.plugin else parts)
        entry.name_span = None
    if entry.name_span is not None and entry.name is not None:
        entry.name_loc = loc_of(doc.text, entry.name_span)


def _agent_loads(name: str, data: dict[str, Any]) -> bool:
    """Claude Code's skip checks on name and description (§2.4 rows 2-6)."""
    if name.startswith("-") or len(name.encode("utf-16-le")) // 2 > 256:
        return False
    if ":" in unicodedata.normalize("NFKC", name):
        return False
    description = data.get("description")
    return isinstance(description, str) and description != ""


def _description(entry: Entry, doc: AgentDocument, data: dict[str, Any]) -> None:
    pair = doc.pair("description")
    if pair is not None:
        entry.description_span = Span(pair[1].start, pair[1].end) if pair[1].end > pair[1].start \
            else Span(pair[0].start, pair[0].end)
    raw = data.get("description")
    if entry.kind is Kind.AGENT:
        if entry.tree.plugin is None:
            entry.description = raw.replace("\\n", "\n") if isinstance(raw, str) and raw else None
        else:
            chain = [raw, data.get("when_to_use"), data.get("when-to-use")]
            text = next((_js_string(v).strip() for v in chain if v is not None and not isinstance(
                v, (list, dict)) and _js_string(v).strip()), None)
            entry.description = text or f"Agent from {entry.tree.plugin} plugin"
        if entry.name and entry.description is not None:
            entry.listing_chars = len(f"- {entry.name}: {entry.description}\n")
        return
    if isinstance(raw, str) and raw.strip():
        text = raw.strip()
    elif isinstance(raw, (bool, int, float)):
        text = _js_string(raw)
    else:
        text = _first_body_line(doc.cut.body)
    extra = data.get("when_to_use")
    full = text + (f" {extra.strip()}" if isinstance(extra, str) and extra.strip() else "")
    entry.description = full
    entry.listed = data.get("disable-model-invocation") not in (True, "true", "yes", "on", "1", 1)
    entry.listing_chars = len(f"- {entry.name}: {full[:SKILL_DESCRIPTION_CUT]}\n")


def _first_body_line(body: str) -> str:
    for line in body[:20000].splitlines():
        stripped = line.strip().lstrip("#").strip()
        if stripped:
            return stripped if len(stripped) <= 100 else stripped[:97] + "..."
    return ""


def _agent_refs(entry: Entry, doc: AgentDocument) -> None:
    for key in ("tools", "disallowedTools"):
        for entry_text, start in _tool_entries(doc, key):
            base = tool_base(entry_text)
            if key == "tools" and base in ("Agent", "Task") and "(" in entry_text:
                inner_start = entry_text.index("(") + 1
                inner = entry_text[inner_start:].rstrip(")")
                for m in re.finditer(r"[^,\s()]+", inner):
                    entry.refs.append(Ref("agent", m.group(), Span(
                        start + inner_start + m.start(), start + inner_start + m.end())))
            elif base.startswith("mcp__") and start >= 0:
                server = base[5:].split("__", 1)[0]
                if server and server != "*":
                    entry.refs.append(Ref("mcp", server, Span(start, start + len(base)), base))
    for name, span in _names(doc, "skills"):
        entry.refs.append(Ref("skill", name, span))
    declared: set[str] = set()
    pair = doc.pair("mcpServers")
    if pair is not None and isinstance(pair[1], Sequence):
        for item in pair[1].items:
            if isinstance(item, Scalar) and isinstance(item.value, str):
                declared.add(item.value)
            elif isinstance(item, Mapping):
                declared.update(k.value for k, _ in item.pairs if isinstance(k.value, str))
    entry.mcp_declared = frozenset(declared)


def _scalar_base(doc: AgentDocument, node: AnyNode) -> int:
    """Document offset of a one-line string scalar's first value character, or -1."""
    if not isinstance(node, Scalar) or not isinstance(node.value, str) or node.style not in (None, "'", '"'):
        return -1
    source = doc.text[node.start:node.end]
    if "\n" in source:
        return -1
    at = source.find(node.value)
    return -1 if at < 0 else node.start + at


def _string_items(doc: AgentDocument, key: str) -> list[tuple[str, int, Scalar]]:
    pair = doc.pair(key)
    if pair is None:
        return []
    value = pair[1]
    items = value.items if isinstance(value, Sequence) else [value]
    return [(i.value, _scalar_base(doc, i), i) for i in items
            if isinstance(i, Scalar) and isinstance(i.value, str)]


def _tool_entries(doc: AgentDocument, key: str) -> list[tuple[str, int]]:
    """Entries split like Claude Code splits them, with document offsets (-1 when unknown)."""
    out = []
    for value, base, _node in _string_items(doc, key):
        for s, e in split_tools(value):
            out.append((value[s:e], base + s if base >= 0 else -1))
    return out


def _names(doc: AgentDocument, key: str) -> list[tuple[str, Span]]:
    out = []
    for value, base, node in _string_items(doc, key):
        for s, e in split_tools(value):
            span = Span(base + s, base + e) if base >= 0 else Span(node.start, node.end)
            out.append((value[s:e], span))
    return out


def _stem(path: str) -> str:
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    return name[:-3] if name.lower().endswith(".md") else name


def _subdirs(path: str, root: str) -> list[str]:
    rel = path.replace("\\", "/")[len(root.replace("\\", "/")):].strip("/")
    return rel.split("/")[:-1]


def _js_string(value: Any) -> str:
    """JavaScript ``String()`` of a loaded YAML value (``True`` -> ``true``, ``1e3`` -> ``1000``)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
