"""Who wins a name clash, and why (§1.1, §1.2, §1.4 of the agent-formats reference).

Agents: managed > project (the folder closest to the working directory) > user > plugin;
same name twice in one agents folder: the path sorting last wins (observed in 2.1.332).
Skills and commands share one namespace: a skill beats a same-name command; skills rank
managed > personal (user) > project; commands rank project > user.
"""

from __future__ import annotations

import os

from agentls.agentindex.model import Entry, Kind, Scope

# Agent types Claude Code ships; a project or user agent of the same name replaces them.
BUILTIN_AGENTS = frozenset({"general-purpose", "Explore", "Plan", "statusline-setup", "claude-code-guide"})

_SKILL_RANK = {Scope.MANAGED: 4, Scope.USER: 3, Scope.PROJECT: 2, Scope.PLUGIN: 1}
_COMMAND_RANK = {Scope.MANAGED: 4, Scope.PROJECT: 3, Scope.USER: 2, Scope.PLUGIN: 1}
_SCOPE_WORDS = {Scope.MANAGED: "managed", Scope.PROJECT: "project", Scope.USER: "user (~/.claude)",
                Scope.PLUGIN: "plugin"}


def namespace(kind: Kind) -> str:
    return "agent" if kind is Kind.AGENT else "skill"


def _ancestor(a: str, b: str) -> bool:
    return a == b or b.startswith(a.rstrip(os.sep) + os.sep)


def co_load(a: Entry, b: Entry) -> bool:
    """Can Claude Code see both at once? Two project folders only when one holds the other
    (it reads the working directory and its parents); other scopes are always there."""
    if a.scope is Scope.PROJECT and b.scope is Scope.PROJECT:
        return _ancestor(a.tree.base, b.tree.base) or _ancestor(b.tree.base, a.tree.base)
    return True


def compare(a: Entry, b: Entry) -> tuple[Entry, str]:
    """The winner of ``a`` and ``b`` (same namespace and name) and the reason in words."""
    if a.kind is not b.kind:
        skill = a if a.kind is Kind.SKILL else b
        if skill.kind is Kind.SKILL:
            return skill, "a skill takes precedence over a command of the same name"
    if a.scope is not b.scope:
        rank = {Kind.AGENT: {s: int(s) for s in Scope}, Kind.SKILL: _SKILL_RANK,
                Kind.COMMAND: _COMMAND_RANK}[a.kind]
        win, lose = (a, b) if rank[a.scope] > rank[b.scope] else (b, a)
        return win, (f"{_SCOPE_WORDS[win.scope]} {win.kind.value}s take precedence over "
                     f"{_SCOPE_WORDS[lose.scope]} {lose.kind.value}s")
    if a.tree.base != b.tree.base and a.scope is Scope.PROJECT:
        deeper, other = (a, b) if len(a.tree.base) > len(b.tree.base) else (b, a)
        return deeper, (f"the project folder closest to the working directory wins (when Claude Code "
                        f"runs in {os.path.basename(deeper.tree.base) or deeper.tree.base} or below; "
                        f"from {os.path.basename(other.tree.base) or other.tree.base} the other "
                        "file is not read at all)")
    last, _ = (a, b) if a.path > b.path else (b, a)
    if a.scope is Scope.PLUGIN:
        return last, "plugin duplicates load in parallel and the winner is not predictable"
    return last, ("with the same name twice in one folder the path sorting last wins "
                  "(observed in Claude Code 2.1.332)")
