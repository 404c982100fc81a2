"""The findings only the whole workspace can give about one agent file: a same-named definition
that wins over it, references to skills, agents or MCP servers that do not exist, the skill
listing's budget, and secrets in the prompt."""

from __future__ import annotations

from typing import TYPE_CHECKING

from agentls.agentindex import extract
from agentls.agentindex.model import Entry, IndexFinding, Kind, RelatedLoc
from agentls.agentindex.rank import BUILTIN_AGENTS
from agentls.knowledge.claude_code import did_you_mean
from agentls.model import Severity, Span

if TYPE_CHECKING:
    from agentls.agentindex.index import AgentIndex


def workspace_findings(index: AgentIndex, path: str) -> list[IndexFinding]:
    entry = index.entry(path)
    if entry is None:
        return []
    out: list[IndexFinding] = []
    out.extend(_clash(index, entry))
    out.extend(_references(index, entry))
    out.extend(_budget(index, entry))
    for label, span in entry.secrets:
        out.append(IndexFinding(
            "AGW007", f"This looks like {label}. The body is the {entry.kind.value}'s prompt: it is "
            "sent to the model on every run and usually committed. Move the secret to an "
            "environment variable or a secret store.", Severity.WARNING, span))
    out.sort(key=lambda f: (f.span.start, f.code))
    return out

def _clash(index: AgentIndex, entry: Entry) -> list[IndexFinding]:
    found = index.shadowed_by(entry)
    if found is None:
        return []
    winner, reason = found
    where = _short(winner.path)
    msg = (f"Another {winner.kind.value} named `{entry.name}` wins: Claude Code loads {where} "
           f"({winner.scope.name.lower()} scope), not this file, because {reason}.")
    span = entry.name_span or entry.description_span or Span(0, 0)
    related = (RelatedLoc(winner.path, winner.name_loc, f"`{entry.name}` defined here wins"),)
    return [IndexFinding("AGW001", msg, Severity.WARNING, span, related)]

def _references(index: AgentIndex, entry: Entry) -> list[IndexFinding]:
    out: list[IndexFinding] = []
    skills: set[str] | None = None
    agents: set[str] | None = None
    servers: frozenset[str] | None = None
    for ref in entry.refs:
        if ref.kind == "skill":
            skills = skills if skills is not None else set(index.names(Kind.SKILL))
            if ref.name not in skills:
                note = "" if index.config.home else " (your ~/.claude/skills is not indexed)"
                out.append(IndexFinding(
                    "AGW002", f"No skill named `{ref.name}` in the workspace or ~/.claude/skills{note}: "
                    f"Claude Code skips it when preloading (debug log only){did_you_mean(ref.name, skills)}.",
                    Severity.WARNING, ref.span))
        elif ref.kind == "agent":
            agents = agents if agents is not None else set(index.names(Kind.AGENT)) | BUILTIN_AGENTS
            if ref.name not in agents:
                out.append(IndexFinding(
                    "AGW003", f"No agent named `{ref.name}` in the workspace, ~/.claude/agents or the "
                    f"built-in agents: it can never be spawned from here{did_you_mean(ref.name, agents)}.",
                    Severity.WARNING, ref.span))
        elif ref.kind == "mcp" and not ref.name.startswith("plugin_"):
            servers = servers if servers is not None else index.mcp_servers_for(entry.path)
            known = {_norm(s) for s in servers | entry.mcp_declared}
            if _norm(ref.name) not in known:
                out.append(IndexFinding(
                    "AGW004", f"`{ref.text}`: no MCP server `{ref.name}` in .mcp.json, ~/.claude.json "
                    "or this agent's `mcpServers`, so the tool does not exist when the agent runs.",
                    Severity.WARNING, ref.span))
    return out

def _budget(index: AgentIndex, entry: Entry) -> list[IndexFinding]:
    if entry.kind is Kind.AGENT or entry.description_span is None:
        return []
    out: list[IndexFinding] = []
    if entry.description and len(entry.description) > extract.SKILL_DESCRIPTION_CUT:
        lost = len(entry.description) - extract.SKILL_DESCRIPTION_CUT
        out.append(IndexFinding(
            "AGW006", f"`description` (with `when_to_use`) is {len(entry.description):,} characters: "
            f"the skill listing cuts it at {extract.SKILL_DESCRIPTION_CUT:,}, so the last {lost:,} "
            "never reach the model.", Severity.HINT, entry.description_span))
    budget = index.config.listing_budget_chars
    total = 0
    for listed in index.listing(Kind.SKILL) + index.listing(Kind.COMMAND):
        before = total
        total += listed.listing_chars
        if total > budget >= before:
            if listed.path == entry.path:
                out.append(IndexFinding(
                    "AGW005", f"This description tips the skill listing over its budget: about "
                    f"{total // extract.CHARS_PER_TOKEN:,} tokens, over 1% of a "
                    f"{index.config.context_window:,}-token context (~{budget // extract.CHARS_PER_TOKEN:,} "
                    "tokens). Claude Code shortens the listing from here on; shorten descriptions or "
                    "set `disable-model-invocation` on rarely used skills.", Severity.HINT,
                    entry.description_span))
            break
    return out


def _short(path: str) -> str:
    parts = path.replace("\\", "/").split("/")
    if ".claude" in parts:
        at = len(parts) - 1 - parts[::-1].index(".claude")
        return "/".join(parts[max(at - 1, 0):])
    return "/".join(parts[-3:])


def _norm(server: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "_-" else "_" for ch in server)
