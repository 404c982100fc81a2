"""Hover in agent files: what a key does, what a value means, which file wins a name, and
the description exactly as Claude Code loads it with its listing cost."""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING

from lsprotocol import types as t
from pygls.workspace import TextDocument

from agentls.frontmatter import cursor
from agentls.knowledge.claude_code import REMOVED_TOOLS, did_you_mean, tool_base
from agentls.knowledge.dialects import title
from agentls.knowledge.fields import COPILOT_DIALECTS, COPILOT_TOOL_DOCS, FIELDS, TOOL_DOCS, model_doc
from agentls.knowledge.skill_paths import name_problem
from agentls.lsp import convert
from agentls.lsp.agent_editing import AgentEditing
from agentls.lsp.engine_modules import agentindex, document, extract, rank
from agentls.lsp.feature import LanguageFeature
from agentls.lsp.server import AgentLanguageServer

if TYPE_CHECKING:
    from agentls.agentindex import AgentIndex, Entry, Kind

_TOOL_KEYS = frozenset({"tools", "disallowedTools", "allowed-tools", "disallowed-tools"})


def _md(text: str, positions: convert.Positions, start: int, end: int) -> t.Hover:
    return t.Hover(contents=t.MarkupContent(t.MarkupKind.Markdown, text), range=positions.range(start, end))


def _tokens(chars: int) -> str:
    return f"~{(chars + extract.CHARS_PER_TOKEN - 1) // extract.CHARS_PER_TOKEN:,} tokens"


class Hoverer(LanguageFeature):
    def __init__(self, editing: AgentEditing) -> None:
        self.editing = editing

    def serves(self, ls: AgentLanguageServer, doc: TextDocument) -> bool:
        return ls.dialect_of(doc.uri) is not None

    def hover(self, ls: AgentLanguageServer, doc: TextDocument, position: t.Position) -> t.Hover | None:
        dialect = self.editing.dialect(ls, doc.uri)
        if dialect is None:
            return None
        text = doc.source
        positions = convert.Positions(text, ls.position_encoding)
        offset = positions.offset(position)
        ctx = cursor.detect(text, offset)
        base = ctx.line_start
        if ctx.where == "key" and ctx.key:
            field = FIELDS.get(dialect, {}).get(ctx.key)
            if field is None:
                known = FIELDS.get(dialect, {})
                body = (f"`{ctx.key}` is not a {title(dialect)} key: it is ignored"
                        f"{did_you_mean(ctx.key, known)}.")
            else:
                body = field.markdown() + f"\n\n*{title(dialect)}*"
            return _md(body, positions, base + ctx.key_start, base + ctx.key_end)
        if ctx.where == "nested" and ctx.key == "description":
            # A continuation line of a `>`/`|` or multi-line plain description: the value is
            # the parsed node, wherever the cursor is inside it.
            line_end = cursor.line_bounds(text, offset)[1]
            return self._description(ls, doc, positions, offset, line_end, inside=offset)
        if ctx.where not in ("value", "item") or not ctx.key:
            return None
        line_end = cursor.line_bounds(text, offset)[1]
        value_start = base + ctx.value_col
        raw = text[value_start:min(line_end, value_start + cursor.WINDOW)]
        col = offset - value_start
        if ctx.key == "description":
            return self._description(ls, doc, positions, value_start, line_end)
        if ctx.key == "name":
            entry = self.editing.entry_for(ls, doc)
            if entry is None:
                return None
            body = self._identity(entry)
            parsed = self.editing.parsed(ls, doc)
            shown = parsed.doc.data.get("name") if parsed is not None else None
            if (entry.kind is agentindex.Kind.SKILL and isinstance(shown, str) and entry.name
                    and shown != entry.name and name_problem(shown) is None):
                # Claude Code 2.1.332 lists the skill's slash command under its frontmatter name.
                body += (f"\n\nIts slash command is `/{shown}` (`/{entry.name}` stays an alias); "
                         f"`/skills` shows `{shown}` as its display name.")
            return _md(body, positions, value_start, line_end)
        if ctx.key in _TOOL_KEYS or ctx.key == "skills":
            found = cursor.entry_at(raw, col)
            if found is None:
                return None
            s, e = found
            if dialect in COPILOT_DIALECTS and ctx.key == "tools":
                name = raw[s:e].strip("\"'")
                note = COPILOT_TOOL_DOCS.get(name.lower())
                if note is None:
                    return None
                return _md(f"**{name}** — {note} (GitHub Copilot)", positions, value_start + s, value_start + e)
            return self._list_entry(ls, doc, ctx.key, raw[s:e], col - s, positions, value_start + s)
        written = raw.split(" #", 1)[0].rstrip()  # a ` # comment` is not part of the value
        value = written.strip().strip("\"'")
        if not value:
            return None
        line_end = value_start + len(written)
        if ctx.key == "agent" and dialect == "claude-skill":
            return _md(self._definitions(self.editing.model(ls), agentindex.Kind.AGENT, value), positions,
                       value_start, line_end)
        field = FIELDS.get(dialect, {}).get(ctx.key)
        if field is None:
            return None
        if field.kind == "model":
            return _md(model_doc(value), positions, value_start, line_end)
        note = field.value_docs.get(value)
        if field.values and value not in field.values:
            note = f"`{value}` is not one of {', '.join(f'`{v}`' for v in field.values)}: ignored."
        if note is None:
            return None
        return _md(f"`{ctx.key}: {value}` — {note}", positions, value_start, line_end)

    # -- pieces --------------------------------------------------------------------------------
    def _list_entry(self, ls: AgentLanguageServer, doc: TextDocument, key: str, entry_text: str, col: int,
                    positions: convert.Positions, start: int) -> t.Hover | None:
        index = self.editing.model(ls)
        end = start + len(entry_text)
        if key == "skills":
            return _md(self._definitions(index, agentindex.Kind.SKILL, entry_text), positions, start, end)
        name = tool_base(entry_text)
        paren = entry_text.find("(")
        if name in ("Agent", "Task") and 0 <= paren < col:
            for m in re.finditer(r"[^,\s()]+", entry_text[paren + 1:]):
                s, e = paren + 1 + m.start(), paren + 1 + m.end()
                if s <= col <= e:
                    return _md(self._definitions(index, agentindex.Kind.AGENT, m.group()), positions,
                               start + s, start + e)
            return None
        if name.startswith("mcp__"):
            server = name[5:].split("__", 1)[0]
            path = self.editing.entry_for(ls, doc)
            servers = index.mcp_servers_for(path.path) if path else frozenset()
            where = "configured in .mcp.json or ~/.claude.json" if server in servers else (
                "declared in this agent's `mcpServers`" if path and server in path.mcp_declared
                else "**not configured** anywhere agentls can see")
            return _md(f"MCP tool `{name}` of server `{server}`: {where}.", positions, start, end)
        if name in REMOVED_TOOLS:
            body = f"`{name}` was removed from Claude Code; use `{REMOVED_TOOLS[name]}`."
        elif name in TOOL_DOCS:
            body = f"**{name}** — {TOOL_DOCS[name]}"
            if paren >= 0:
                body += f"\n\nSpecifier `{entry_text[paren:]}` narrows what the tool may do."
        elif name == "*":
            body = "`*` — every tool"
        else:
            return None
        return _md(body, positions, start, end)

    def _definitions(self, index: AgentIndex, kind: Kind, name: str) -> str:
        found = index.named(kind, name)
        if not found:
            if kind is agentindex.Kind.AGENT and name in rank.BUILTIN_AGENTS:
                return f"`{name}` — a built-in Claude Code agent"
            return f"No {kind.value} named `{name}` in the workspace or ~/.claude."
        lines = [f"**{kind.value} `{name}`**", ""]
        for i, entry in enumerate(found):
            state = "**wins**" if i == 0 else "shadowed"
            lines.append(f"- {state}: `{_rel(entry.path)}` ({entry.scope.name.lower()})")
        if found[0].description:
            lines += ["", _quote(found[0].description[:300])]
        return "\n".join(lines)

    def _identity(self, entry: Entry) -> str:
        index = self.editing.index
        lines = []
        if entry.name is None or not entry.loads:
            lines.append(f"Claude Code does **not** load this {entry.kind.value} (see the diagnostics).")
        else:
            lines.append(f"Claude Code registers this {entry.kind.value} as `{entry.name}` "
                         f"({entry.scope.name.lower()} scope).")
            shadow = index.shadowed_by(entry)
            if shadow is not None:
                lines.append(f"\nShadowed by `{_rel(shadow[0].path)}`: {shadow[1]}.")
            else:
                others = [e for e in index.named(entry.kind, entry.name) if e.path != entry.path]
                if others:
                    lines.append("\nThis file wins over " + ", ".join(f"`{_rel(e.path)}`" for e in others) + ".")
        lines.append(f"\nBody: {_tokens(entry.body_tokens * extract.CHARS_PER_TOKEN)} (rough estimate).")
        return "\n".join(lines)

    def _description(self, ls: AgentLanguageServer, doc: TextDocument, positions: convert.Positions,
                     start: int, line_end: int, inside: int | None = None) -> t.Hover | None:
        parsed = self.editing.parsed(ls, doc)
        entry = self.editing.entry_for(ls, doc)
        if parsed is None or entry is None:
            return None
        pair = parsed.doc.pair("description")
        if pair is not None and pair[1].end > pair[1].start:
            start, line_end = pair[1].start, pair[1].end
            while line_end > start and parsed.doc.text[line_end - 1] in "\r\n":
                line_end -= 1  # a block scalar's node ends after its final newline
        if inside is not None and not start <= inside <= line_end:
            return None  # an indented line that is not part of the description
        state = parsed.doc.state
        lines: list[str] = []
        if state is document.ParseState.FAILED and entry.kind is agentindex.Kind.AGENT and entry.tree.plugin is None:
            lines.append("Claude Code cannot parse this frontmatter, even after its lenient retry: "
                         "the agent is **not loaded**.")
        else:
            states = document.ParseState
            how = {states.RESCUED: "after its lenient retry (strict YAML parsers reject this block)",
                   states.OK: "strict YAML"}.get(state, "with empty metadata (the frontmatter is unusable)")
            lines.append(f"**As Claude Code loads it** ({how}):")
            lines += ["", "````text", entry.description or "(none: not loaded)", "````"]
        index = self.editing.index
        if entry.kind is agentindex.Kind.AGENT:
            total = index.listing_chars(agentindex.Kind.AGENT)
            count = len(index.listing(agentindex.Kind.AGENT))
            lines.append(f"\nListing cost: {_tokens(entry.listing_chars)} ({entry.listing_chars:,} characters) "
                         f"in the agent listing; all {count} agents: {_tokens(total)}.")
        else:
            total = index.listing_chars(agentindex.Kind.SKILL) + index.listing_chars(agentindex.Kind.COMMAND)
            budget = index.config.listing_budget_chars
            lines.append(f"\nListing cost: {_tokens(entry.listing_chars)}; the skill listing: {_tokens(total)} "
                         f"of a {_tokens(budget)} budget (1% of a {index.config.context_window:,}-token context).")
            if entry.description and len(entry.description) > extract.SKILL_DESCRIPTION_CUT:
                lines.append(f"Cut at {extract.SKILL_DESCRIPTION_CUT:,} characters in the listing.")
        return _md("\n".join(lines), positions, start, line_end)


def _quote(text: str) -> str:
    return "\n".join("> " + line for line in text.splitlines())


def _rel(path: str) -> str:
    parts = path.replace(os.sep, "/").split("/")
    return "/".join(parts[-4:]) if len(parts) > 4 else path
