"""One file's contribution to the workspace model, read the way Claude Code reads it.

Only the frontmatter is parsed (with the Claude-Code-faithful reader); the body is scanned
once for secrets and measured for a token estimate. Nothing here keeps the text.
"""

from __future__ import annotations

import copy
import re
import unicodedata
from typing import Any

from agentls.agentindex.model import Entry, Kind, Loc, Ref, Tree
from agentls.frontmatter.document import AgentDocument, ParseState, load_bytes, load_text
from agentls.frontmatter.yamlnodes import AnyNode, Mapping, Scalar, Sequence
from agentls.model import Span
from agentls.rules._claude_values import split_tools, tool_base

SKILL_DESCRIPTION_CUT = 1536  # skillListingMaxDescChars
CHARS_PER_TOKEN = 4  # the usual rough estimate for English prose and code

DIALECT = {
    (Kind.AGENT, False): "claude-agent", (Kind.AGENT, True): "claude-plugin-agent",
    (Kind.SKILL, False): "claude-skill", (Kind.SKILL, True): "claude-skill",
    (Kind.COMMAND, False): "claude-command", (Kind.COMMAND, True): "claude-command",
}

# Secrets people paste into prompts: (label, literal triggers, pattern matched at a trigger).
# Each scan starts from a ``str.find`` of a literal, so prose costs next to nothing; a regex
# starting with ``\b`` tried at every position cost ~70 us per 1.5 KB body per pattern.
_SECRETS: tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...] = (
    ("an Anthropic API key", ("sk-ant-",), re.compile(r"sk-ant-[A-Za-z0-9_-]{20,}")),
    ("an OpenAI API key", ("sk-",), re.compile(r"sk-(?!ant-)(?:proj-)?[A-Za-z0-9]{32,}")),
    ("an AWS access key id", ("AKIA", "ASIA"), re.compile(r"(?:AKIA|ASIA)[0-9A-Z]{16}(?![0-9A-Za-z])")),
    ("a GitHub token", ("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"),
     re.compile(r"gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,}")),
    ("a Slack token", ("xox",), re.compile(r"xox[abposr]-[A-Za-z0-9-]{10,}")),
    ("a Google API key", ("AIza",), re.compile(r"AIza[0-9A-Za-z_-]{35}")),
    ("a Stripe secret key", ("sk_live_", "rk_live_"), re.compile(r"[sr]k_live_[0-9A-Za-z]{20,}")),
    ("a private key", ("-----BEGIN ",), re.compile(r"-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----")),
    ("a JSON Web Token", ("eyJ",),
     re.compile(r"eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}")),
)
# ``api_key = "…"``-style assignments: the keyword is found case-insensitively, and the value
# must mix letters and digits (so ``token: your-token-here`` passes).
_ASSIGN_WORDS = ("api_key", "api-key", "apikey", "secret", "token", "password", "passwd")
_ASSIGN = re.compile(
    r"(?:api[_-]?key|apikey|secret|token|passw(?:or)?d)[\"']?[ \t]*[:=][ \t]*[\"']?"
    r"(?=[A-Za-z0-9_\-/+]*\d)(?=[A-Za-z0-9_\-/+]*[A-Za-z])[A-Za-z0-9_\-/+]{16,}", re.I)
_MAX_HITS = 200  # per trigger: a file full of look-alikes must not cost more


def read_bytes(path: str, data: bytes, tree: Tree) -> Entry:
    dialect = DIALECT[(tree.kind, tree.plugin is not None)]
    return from_document(path, load_bytes(data, path, dialect), tree)


def dialect_of(tree: Tree) -> str:
    return DIALECT[(tree.kind, tree.plugin is not None)]


def read_text(path: str, text: str, tree: Tree) -> Entry:
    dialect = dialect_of(tree)
    return from_document(path, load_text(text, path, dialect), tree)


def from_document(path: str, doc: AgentDocument, tree: Tree) -> Entry:
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
    entry.secrets = body_secrets(doc.text, body_start)
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
        entry.name = f"{tree.plugin}:{stem}" if tree.plugin else stem
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


def body_secrets(text: str, start: int) -> list[tuple[str, Span]]:
    """``find_secrets`` from ``start``, remembered for the last few bodies: while the user edits
    the frontmatter the body is the same text, only shifted."""
    body = text[start:]
    found = _BODY_SECRETS.get(body)
    if found is None:
        found = find_secrets(body, 0)
        if len(_BODY_SECRETS) >= 16:
            _BODY_SECRETS.pop(next(iter(_BODY_SECRETS)))
        _BODY_SECRETS[body] = found
    return [(label, Span(span.start + start, span.end + start)) for label, span in found] if start else found


_BODY_SECRETS: dict[str, list[tuple[str, Span]]] = {}


def find_secrets(text: str, start: int) -> list[tuple[str, Span]]:
    if len(text) - start < 16:
        return []
    found: list[tuple[str, Span]] = []
    for label, triggers, pattern in _SECRETS:
        for trigger in triggers:
            for at in _occurrences(text, trigger, start):
                m = pattern.match(text, at)
                if m is not None and (at == 0 or not _word_char(text[at - 1])):
                    found.append((label, Span(m.start(), m.end())))
    lowered = text.lower() if text.isascii() else None
    if lowered is not None:
        for word in _ASSIGN_WORDS:
            for at in _occurrences(lowered, word, start):
                m = _ASSIGN.match(text, at)
                if m is not None and (at == 0 or not _word_char(text[at - 1])):
                    found.append(("a password or token assignment", Span(m.start(), m.end())))
    else:  # lower() can change lengths outside ASCII: let the regex find the keyword
        found.extend(("a password or token assignment", Span(m.start(), m.end()))
                     for m in _ASSIGN.finditer(text, start))
    found.sort(key=lambda f: (f[1].start, -f[1].end))
    kept: list[tuple[str, Span]] = []
    for label, span in found:  # overlapping hits: keep the first, longest
        if not kept or span.start >= kept[-1][1].end:
            kept.append((label, span))
    return kept


def _occurrences(text: str, literal: str, start: int) -> list[int]:
    out: list[int] = []
    at = text.find(literal, start)
    while at >= 0 and len(out) < _MAX_HITS:
        out.append(at)
        at = text.find(literal, at + 1)
    return out


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


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
