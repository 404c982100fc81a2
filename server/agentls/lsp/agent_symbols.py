"""Symbols and navigation: document symbols (frontmatter keys, body headings), workspace
symbols (agents, skills and commands by name) and go-to-definition from a name to its file."""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

from lsprotocol import types as t
from pygls.workspace import TextDocument

from agentls.frontmatter import cursor
from agentls.lsp import convert, documents
from agentls.lsp.agent_editing import AgentEditing
from agentls.lsp.engine_modules import agentindex
from agentls.lsp.feature import LanguageFeature
from agentls.lsp.server import AgentLanguageServer

if TYPE_CHECKING:
    from agentls.agentindex import Kind

log = logging.getLogger(__name__)

_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*([^\r\n]{0,80})", re.M)
_HEADING = re.compile(r"^(#{1,6})[ \t]+([^\r\n]{1,200}?)[ \t#]*$", re.M)
_FENCE = re.compile(r"^[ \t]{0,3}(```|~~~)", re.M)
# By the name of the index's Kind (the index is imported on first use).
_SYMBOL_KIND = {"AGENT": t.SymbolKind.Class, "SKILL": t.SymbolKind.Function, "COMMAND": t.SymbolKind.Event}
MAX_SYMBOLS = 500


def document_symbols(editing: AgentEditing, ls: AgentLanguageServer, doc: TextDocument
                     ) -> list[t.DocumentSymbol] | None:
    if editing.dialect(ls, doc.uri) is None:
        return None
    text = doc.source
    pos = convert.Positions(text, ls.position_encoding)
    out: list[t.DocumentSymbol] = []
    bounds = cursor.frontmatter_bounds(text)
    body_from = 0
    if bounds is not None:
        start, end = bounds
        keys = list(_KEY.finditer(text, start, end))
        children = []
        for i, m in enumerate(keys):
            stop = keys[i + 1].start() - 1 if i + 1 < len(keys) else max(end - 1, m.end())
            children.append(t.DocumentSymbol(
                name=m.group(1), kind=t.SymbolKind.Property, detail=m.group(2).strip() or None,
                range=pos.range(m.start(), max(stop, m.end())), selection_range=pos.range(m.start(1), m.end(1))))
        close = text.find("\n", end)
        body_from = len(text) if close < 0 else close + 1
        out.append(t.DocumentSymbol(name="frontmatter", kind=t.SymbolKind.Namespace,
                                    range=pos.range(0, max(end, start)), selection_range=pos.range(0, 3),
                                    children=children))
    out.extend(_headings(text, body_from, pos))
    return out


def _headings(text: str, start: int, pos: convert.Positions) -> list[t.DocumentSymbol]:
    fences = [m.start() for m in _FENCE.finditer(text, start)]
    roots: list[t.DocumentSymbol] = []
    stack: list[tuple[int, t.DocumentSymbol, list[t.DocumentSymbol]]] = []
    for m in _HEADING.finditer(text, start):
        if sum(1 for f in fences if f < m.start()) % 2:
            continue  # inside a fenced code block
        level = len(m.group(1))
        kids: list[t.DocumentSymbol] = []
        sym = t.DocumentSymbol(name=m.group(2), kind=t.SymbolKind.String, range=pos.range(m.start(), m.end()),
                               selection_range=pos.range(m.start(2), m.end(2)), children=kids)
        while stack and stack[-1][0] >= level:
            stack.pop()
        (stack[-1][2] if stack else roots).append(sym)
        stack.append((level, sym, kids))
    return roots


def _fuzzy(query: str, name: str) -> bool:
    it = iter(name.lower())
    return all(ch in it for ch in query.lower())


def workspace_symbols(editing: AgentEditing, ls: AgentLanguageServer, query: str) -> list[t.SymbolInformation]:
    index = editing.model(ls)
    found = [e for e in index.entries() if e.name and _fuzzy(query, e.name)]
    found.sort(key=lambda e: (e.name or "", e.path))
    return [t.SymbolInformation(
        name=e.name or "", kind=_SYMBOL_KIND[e.kind.name],
        location=editing.location(ls, e.path, e.name_loc),
        container_name=f"{e.scope.name.lower()} {e.kind.value}") for e in found[:MAX_SYMBOLS]]


def definition(editing: AgentEditing, ls: AgentLanguageServer, params: t.DefinitionParams
               ) -> list[t.Location] | None:
    doc = documents.requested(ls.workspace, params.text_document.uri)
    dialect = None if doc is None else editing.dialect(ls, doc.uri)
    if doc is None or dialect is None:
        return None
    text = doc.source
    pos = convert.Positions(text, ls.position_encoding)
    offset = pos.offset(params.position)
    ctx = cursor.detect(text, offset)
    if ctx.where not in ("value", "item") or not ctx.key:
        return None
    value_start = ctx.line_start + ctx.value_col
    line_end = cursor.line_bounds(text, offset)[1]
    raw = text[value_start:min(line_end, value_start + cursor.WINDOW)]
    col = offset - value_start
    found = cursor.entry_at(raw, col)
    if found is None:
        return None
    entry_text = raw[found[0]:found[1]].strip("\"'")
    kind: Kind | None = None
    name = entry_text
    if ctx.key == "skills":
        kind = agentindex.Kind.SKILL
    elif ctx.key == "agent" and dialect == "claude-skill":
        kind = agentindex.Kind.AGENT
    elif ctx.key == "tools" and re.match(r"(?:Agent|Task)\(", entry_text):
        inner_col = col - found[0]
        for m in re.finditer(r"[^,\s()]+", entry_text[entry_text.index("(") + 1:]):
            s = entry_text.index("(") + 1 + m.start()
            if s <= inner_col <= s + len(m.group()):
                kind, name = agentindex.Kind.AGENT, m.group()
    elif ctx.key == "tools" and entry_text.startswith("Skill("):
        kind, name = agentindex.Kind.SKILL, entry_text[6:].rstrip(")").split()[0] if entry_text[6:].strip(")") else ""
    if kind is None or not name:
        return None
    entries = editing.model(ls).named(kind, name)
    return [editing.location(ls, e.path, e.name_loc) for e in entries] or None


class AgentSymbols(LanguageFeature):
    def __init__(self, editing: AgentEditing) -> None:
        self.editing = editing

    def symbols(self, ls: AgentLanguageServer, doc: TextDocument) -> list[t.DocumentSymbol] | None:
        return document_symbols(self.editing, ls, doc)

    def register(self, server: AgentLanguageServer) -> None:
        editing = self.editing

        @server.feature(t.WORKSPACE_SYMBOL)
        def workspace_symbol(ls: AgentLanguageServer, params: t.WorkspaceSymbolParams
                             ) -> list[t.SymbolInformation] | None:
            try:
                return workspace_symbols(editing, ls, params.query)
            except Exception:
                log.exception("workspace symbols failed")
                return None

        @server.feature(t.TEXT_DOCUMENT_DEFINITION)
        def goto_definition(ls: AgentLanguageServer, params: t.DefinitionParams) -> list[t.Location] | None:
            try:
                return definition(editing, ls, params)
            except Exception:
                log.exception("definition failed")
                return None
