"""Completion in agent files: keys, values, names from the workspace, a new-file snippet.

The context comes from ``frontmatter.cursor.detect`` (lines only), so completion keeps working in
broken frontmatter while the user types. Every item replaces exactly the partial word, so
clients filter on what is typed whether it is a key, a comma-string entry or a list item.
"""

from __future__ import annotations

import logging
import os

from lsprotocol import types as t
from pygls.uris import to_fs_path

from agentls.frontmatter import cursor
from agentls.frontmatter.cursor import CursorContext
from agentls.knowledge.claude_code import BUILTIN_TOOLS, HOOK_EVENTS
from agentls.knowledge.fields import (
    COPILOT_DIALECTS,
    COPILOT_TOOL_DOCS,
    FIELDS,
    MODEL_IDS,
    TOOL_DOCS,
    TOOL_SPECIFIERS,
    FieldDoc,
    model_doc,
)
from agentls.lsp import convert, documents
from agentls.lsp.agent_editing import AgentEditing
from agentls.lsp.engine_modules import agentindex, rank
from agentls.lsp.feature import LanguageFeature
from agentls.lsp.server import AgentLanguageServer

log = logging.getLogger(__name__)

_LIST_KEYS = frozenset({"tools", "disallowedTools", "allowed-tools", "disallowed-tools", "skills"})
_BLOCK_KEYS = frozenset({"hooks", "mcpServers", "metadata", "experimental", "handoffs", "permission",
                         "mcp-servers", "arguments"})

NEW_AGENT = ("---\nname: ${1:%s}\ndescription: ${2:Use this agent when the user asks to review code. "
             "Use proactively after code changes.}\ntools: ${3:Read, Grep, Glob}\n"
             "model: ${4|inherit,sonnet,opus,haiku|}\n---\n\n${0:You are a senior engineer. When invoked, ...}\n")
NEW_SKILL = ("---\nname: ${1:%s}\ndescription: ${2:What the skill does and when Claude should use it.}\n"
             "---\n\n# ${1}\n\n${0:Instructions.}\n")


def _plain(snippet: str) -> str:
    """A snippet without its placeholders, for clients without snippet support."""
    out, i = [], 0
    while i < len(snippet):
        if snippet.startswith("${", i):
            close = snippet.index("}", i)
            inner = snippet[i + 2:close]
            body = inner.split(":", 1)[1] if ":" in inner else ""
            if "|" in inner:
                body = inner.split("|")[1].split(",")[0]
            out.append(body)
            i = close + 1
        else:
            out.append(snippet[i])
            i += 1
    return "".join(out)


class Completer(LanguageFeature):
    def __init__(self, editing: AgentEditing) -> None:
        self.editing = editing

    def register(self, server: AgentLanguageServer) -> None:
        @server.feature(t.TEXT_DOCUMENT_COMPLETION, t.CompletionOptions(trigger_characters=[":", " ", ",", "(", "-"]))
        def completion(ls: AgentLanguageServer, params: t.CompletionParams) -> t.CompletionList | None:
            try:
                return self.complete(ls, params)
            except Exception:  # a bad context must not break typing
                log.exception("completion failed")
                return None

    def complete(self, ls: AgentLanguageServer, params: t.CompletionParams) -> t.CompletionList | None:
        doc = documents.requested(ls.workspace, params.text_document.uri)
        dialect = None if doc is None else self.editing.dialect(ls, doc.uri)
        if doc is None or dialect is None:
            return None
        text = doc.source
        positions = convert.Positions(text, ls.position_encoding)
        offset = positions.offset(params.position)
        ctx = cursor.detect(text, offset)
        snippets = _snippets(ls)
        line_start = ctx.line_start

        def edit_range(start_col: int, end_col: int) -> t.Range:
            return positions.range(line_start + start_col, line_start + end_col)

        items: list[t.CompletionItem] = []
        if ctx.where == "new-file":
            items = self._new_file(doc.uri, dialect, snippets, edit_range(0, ctx.col))
        elif ctx.where == "key":
            items = self._keys(ctx, dialect, snippets, edit_range(ctx.word_start, max(ctx.col, ctx.key_end)))
        elif ctx.where in ("value", "item") and ctx.key:
            items = self._values(ls, doc.uri, ctx, dialect, snippets, edit_range(ctx.word_start, ctx.col))
        elif ctx.where == "nested" and ctx.key == "hooks" and cursor.first_level(
                text, line_start, ctx.word_start):
            rng = edit_range(ctx.word_start, ctx.col)
            items = [t.CompletionItem(e, kind=t.CompletionItemKind.Event, text_edit=t.TextEdit(rng, e + ":"))
                     for e in HOOK_EVENTS]
        if not items:
            return None
        return t.CompletionList(is_incomplete=False, items=items)

    def _new_file(self, uri: str, dialect: str, snippets: bool, rng: t.Range) -> list[t.CompletionItem]:
        path = to_fs_path(uri) or uri
        stem = os.path.basename(path)
        stem = stem[:-3] if stem.lower().endswith(".md") else stem
        if dialect == "claude-skill":
            stem = os.path.basename(os.path.dirname(path))
        template = (NEW_SKILL if dialect == "claude-skill" else NEW_AGENT) % stem
        noun = "skill" if dialect == "claude-skill" else "agent"
        return [t.CompletionItem(
            label=f"new {noun}", kind=t.CompletionItemKind.Snippet, detail=f"A complete new {noun} file",
            insert_text_format=t.InsertTextFormat.Snippet if snippets else t.InsertTextFormat.PlainText,
            text_edit=t.TextEdit(rng, template if snippets else _plain(template)),
            documentation=t.MarkupContent(t.MarkupKind.Markdown, "```markdown\n" + _plain(template) + "```"),
            filter_text="---", sort_text="0")]

    def _keys(self, ctx: CursorContext, dialect: str, snippets: bool, rng: t.Range) -> list[t.CompletionItem]:
        out = []
        for key, doc in FIELDS.get(dialect, {}).items():
            if key in ctx.present and key != ctx.key:
                continue
            if ctx.key is not None:
                # Renaming a key whose `:` is already typed: replace the name only, or the
                # line would read `newkey: : value`.
                insert = plain = key
            elif key in _BLOCK_KEYS:
                insert, plain = f"{key}:\n  $0", f"{key}:\n  "
            else:
                insert, plain = f"{key}: $0", f"{key}: "
            out.append(t.CompletionItem(
                label=key, kind=t.CompletionItemKind.Property,
                detail=("required · " if doc.required else "") + doc.honoured,
                documentation=t.MarkupContent(t.MarkupKind.Markdown, doc.markdown()),
                sort_text=("0" if doc.required else "1") + key,
                insert_text_format=t.InsertTextFormat.Snippet if snippets else t.InsertTextFormat.PlainText,
                text_edit=t.TextEdit(rng, insert if snippets else plain)))
        return out

    def _values(self, ls: AgentLanguageServer, uri: str, ctx: CursorContext, dialect: str, snippets: bool,
                rng: t.Range) -> list[t.CompletionItem]:
        key = ctx.key or ""
        doc = FIELDS.get(dialect, {}).get(key)
        index = self.editing.model(ls)
        if ctx.tool is not None and dialect in COPILOT_DIALECTS:
            return []  # Copilot has no `Name(…)` specifiers: Claude Code's agents and skills mean nothing there
        if ctx.tool in ("Agent", "Task"):
            return _names(sorted(set(index.names(agentindex.Kind.AGENT)) | rank.BUILTIN_AGENTS), "agent", rng)
        if ctx.tool == "Skill":
            return _names(index.names(agentindex.Kind.SKILL), "skill", rng)
        if ctx.tool is not None:
            return []
        taken = {ctx.value_text[s:e] for s, e in cursor.entries(ctx.value_text)} if key in _LIST_KEYS else set()
        taken.discard(ctx.word)
        if key == "skills":
            return _names([n for n in index.names(agentindex.Kind.SKILL) if n not in taken], "skill", rng)
        if key == "agent" and dialect == "claude-skill":
            return _names(sorted(set(index.names(agentindex.Kind.AGENT)) | rank.BUILTIN_AGENTS), "agent", rng)
        if key == "mcpServers" and ctx.where == "item":
            path = to_fs_path(uri) or ""
            return _names(sorted(index.mcp_servers_for(path)), "MCP server", rng)
        if doc is None:
            return []
        if doc.kind == "tools" and dialect in COPILOT_DIALECTS:
            return _copilot_tools(taken, rng)
        if doc.kind == "tools":
            return self._tools(ls, uri, taken, snippets, rng)
        if doc.kind == "model":
            return [_value(v, model_doc(v), rng, "0" + v) for v in doc.values] + \
                   [_value(v, model_doc(v), rng, "1" + v) for v in MODEL_IDS]
        return [_value(v, _value_doc(doc, v), rng, f"{i:02}") for i, v in enumerate(doc.values)]

    def _tools(self, ls: AgentLanguageServer, uri: str, taken: set[str], snippets: bool,
               rng: t.Range) -> list[t.CompletionItem]:
        out = [t.CompletionItem(label=name, kind=t.CompletionItemKind.Function, detail="Claude Code tool",
                                documentation=t.MarkupContent(t.MarkupKind.Markdown, TOOL_DOCS.get(name, "")),
                                sort_text="1" + name, text_edit=t.TextEdit(rng, name))
               for name in sorted(BUILTIN_TOOLS) if name not in taken]
        out.append(t.CompletionItem(label="*", kind=t.CompletionItemKind.Constant, detail="all tools",
                                    sort_text="3*", text_edit=t.TextEdit(rng, "*")))
        if snippets:
            out += [t.CompletionItem(label=label, kind=t.CompletionItemKind.Snippet,
                                     detail="tool with a specifier", filter_text=body.split("(")[0],
                                     insert_text_format=t.InsertTextFormat.Snippet, sort_text="2" + label,
                                     documentation=t.MarkupContent(t.MarkupKind.Markdown,
                                                                   TOOL_DOCS.get(body.split("(")[0], "")),
                                     text_edit=t.TextEdit(rng, body)) for label, body in TOOL_SPECIFIERS]
        index = self.editing.model(ls)
        entry = index.entry(to_fs_path(uri) or "")
        servers = index.mcp_servers_for(to_fs_path(uri) or "") | (entry.mcp_declared if entry else frozenset())
        for server in sorted(servers):
            name = f"mcp__{server}__*"
            if name not in taken:
                out.append(t.CompletionItem(
                    label=name, kind=t.CompletionItemKind.Module, detail="every tool of this MCP server",
                    sort_text="4" + name, text_edit=t.TextEdit(rng, name)))
        return out


def _copilot_tools(taken: set[str], rng: t.Range) -> list[t.CompletionItem]:
    """Copilot's own tool names: Claude Code names, ``Name(…)`` specifiers and ``mcp__`` tools
    mean nothing there (MCP tools are ``server/tool``)."""
    lowered = {x.lower() for x in taken}
    out = [t.CompletionItem(label=name, kind=t.CompletionItemKind.Function, detail="GitHub Copilot tool",
                            documentation=t.MarkupContent(t.MarkupKind.Markdown, doc),
                            sort_text="1" + name, text_edit=t.TextEdit(rng, name))
           for name, doc in COPILOT_TOOL_DOCS.items() if name not in lowered]
    out.append(t.CompletionItem(label="*", kind=t.CompletionItemKind.Constant, detail="all tools",
                                sort_text="3*", text_edit=t.TextEdit(rng, "*")))
    return out


def _value(value: str, doc: str, rng: t.Range, sort: str) -> t.CompletionItem:
    return t.CompletionItem(label=value, kind=t.CompletionItemKind.EnumMember, sort_text=sort,
                            documentation=t.MarkupContent(t.MarkupKind.Markdown, doc) if doc else None,
                            text_edit=t.TextEdit(rng, value))


def _value_doc(doc: FieldDoc, value: str) -> str:
    return doc.value_docs.get(value, "")


def _names(names: list[str], what: str, rng: t.Range) -> list[t.CompletionItem]:
    return [t.CompletionItem(label=n, kind=t.CompletionItemKind.Reference, detail=what, sort_text=n,
                             text_edit=t.TextEdit(rng, n)) for n in names]


def _snippets(ls: AgentLanguageServer) -> bool:
    td = ls.client_capabilities.text_document
    item = td.completion.completion_item if td and td.completion else None
    return bool(item and item.snippet_support)
