"""Values Claude Code (2.1.332) and the other tools know, shared by rules, completion and hover.

Plain data and small pure helpers only: nothing here reads a document.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from agentls.knowledge import models

# Tools-reference page, 2026-08-22 (complete).
BUILTIN_TOOLS: frozenset[str] = frozenset({
    "Agent", "Artifact", "AskUserQuestion", "Bash", "CronCreate", "CronDelete", "CronList",
    "Edit", "EndConversation", "EnterPlanMode", "EnterWorktree", "ExitPlanMode", "ExitWorktree",
    "Glob", "Grep", "ListAgents", "ListMcpResourcesTool", "LSP", "Monitor", "NotebookEdit",
    "PowerShell", "PushNotification", "Read", "ReadMcpResourceTool", "RemoteTrigger",
    "ReportFindings", "ScheduleWakeup", "SendMessage", "SendUserFile", "ShareOnboardingGuide",
    "Skill", "TaskCreate", "TaskGet", "TaskList", "TaskOutput", "TaskStop", "TaskUpdate",
    "TodoWrite", "ToolSearch", "WaitForMcpServers", "WebFetch", "WebSearch", "Workflow", "Write",
})
# Old name -> current name; the old name still resolves.
RENAMED_TOOLS: dict[str, str] = {"Task": "Agent"}
# Removed tool -> what to use instead.
REMOVED_TOOLS: dict[str, str] = {
    "MultiEdit": "Edit", "LS": "Glob", "NotebookRead": "Read", "TodoRead": "TodoWrite",
}
# Never available to a subagent (ExitPlanMode: unless permissionMode is plan).
NOT_IN_SUBAGENTS: frozenset[str] = frozenset({
    "AskUserQuestion", "EnterPlanMode", "ScheduleWakeup", "TaskOutput", "WaitForMcpServers",
    "Workflow", "EndConversation", "ExitPlanMode",
})

MODEL_ALIASES: tuple[str, ...] = models.ALIASES
MODEL_FAMILIES: tuple[str, ...] = models.FAMILIES

PERMISSION_MODES: tuple[str, ...] = (
    "default", "acceptEdits", "auto", "dontAsk", "bypassPermissions", "plan", "manual",
)
COLORS: tuple[str, ...] = ("red", "blue", "green", "yellow", "purple", "orange", "pink", "cyan")
# Colour names people write, and the closest of the eight.
COLOR_SYNONYMS: dict[str, str] = {
    "magenta": "purple", "violet": "purple", "indigo": "purple", "lavender": "purple",
    "fuchsia": "pink", "rose": "pink", "crimson": "red", "maroon": "red", "scarlet": "red",
    "navy": "blue", "teal": "cyan", "aqua": "cyan", "turquoise": "cyan", "lime": "green",
    "olive": "green", "gold": "yellow", "amber": "orange", "brown": "orange",
}
EFFORTS: tuple[str, ...] = ("low", "medium", "high", "xhigh", "max")
MEMORY_SCOPES: tuple[str, ...] = ("user", "project", "local")
ISOLATION_MODES: tuple[str, ...] = ("worktree", "remote")
PLUGIN_ISOLATION_MODES: tuple[str, ...] = ("worktree",)
MCP_TRANSPORTS: tuple[str, ...] = ("stdio", "http", "sse", "ws")
AGENT_BOOLEANS: tuple[str, ...] = ("background", "omitClaudeMd")

HOOK_EVENTS: tuple[str, ...] = (
    "PreToolUse", "PostToolUse", "PostToolUseFailure", "PostToolBatch", "PermissionRequest",
    "PermissionDenied", "Notification", "UserPromptSubmit", "UserPromptExpansion", "Stop",
    "StopFailure", "SubagentStart", "SubagentStop", "PreCompact", "PostCompact", "Elicitation",
    "ElicitationResult", "TeammateIdle", "TaskCreated", "TaskCompleted", "Setup",
    "InstructionsLoaded", "CwdChanged", "FileChanged", "ConfigChange", "WorktreeCreate",
    "WorktreeRemove", "SessionStart", "SessionEnd", "PreModelSwitch", "PostModelSwitch",
    "MessageDisplay", "DirectoryAdded", "PreSkillShellCommand",
)
# Written outside `hooks:` (top level, or matcher-shaped deeper down), these skip the agent.
GUARDED_HOOK_EVENTS: tuple[str, ...] = ("PreToolUse", "PermissionRequest", "PreSkillShellCommand")
HOOK_GUARD_EXEMPT: frozenset[str] = frozenset({"hooks", "metadata", "mcpServers", "lspServers"})
MATCHER_KEYS: frozenset[str] = frozenset({"matcher", "hooks"})

# Ignored in plugin agents (with a warning at load).
PLUGIN_IGNORED_FIELDS: tuple[str, ...] = (
    "hooks", "mcpServers", "permissionMode", "initialPrompt", "observer", "observerMessage",
    "observeSubagents",
)

# JavaScript's \s, as Claude Code splits tool strings with it.
JS_SPACE = "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008" \
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"

_FULL_ID = re.compile(r"claude-[a-z0-9][a-z0-9.-]*\Z")
_VERTEX_ID = re.compile(r"claude-[a-z0-9][a-z0-9.-]*@[a-z0-9]+\Z")
_BEDROCK_ID = re.compile(r"(?:[a-z]{2,8}\.)?anthropic\.claude-[a-z0-9.-]+(?::\d+)?\Z")
_ARN = re.compile(r"arn:aws[a-z-]*:bedrock:[^\s]*\Z")


def split_tools(text: str) -> list[tuple[int, int]]:
    """Claude Code's split of a tool string: on ``,`` and whitespace outside parentheses.

    Returns ``(start, end)`` offsets of each non-empty entry in ``text``.
    """
    out: list[tuple[int, int]] = []
    depth = 0
    start: int | None = None
    for i, ch in enumerate(text):
        if depth == 0 and (ch == "," or ch in JS_SPACE):
            if start is not None:
                out.append((start, i))
                start = None
            continue
        if start is None:
            start = i
        if ch == "(":
            depth += 1
        elif ch == ")" and depth > 0:
            depth -= 1
    if start is not None:
        out.append((start, len(text)))
    return out


def tool_base(entry: str) -> str:
    """``Bash(git diff:*)`` -> ``Bash``."""
    paren = entry.find("(")
    return entry if paren < 0 else entry[:paren]


def is_mcp(name: str) -> bool:
    return name.startswith("mcp__")


def tool_resolves(name: str) -> bool:
    """Does Claude Code map this base name to a tool (or a pattern of tools)?"""
    return name == "*" or is_mcp(name) or name in BUILTIN_TOOLS or name in RENAMED_TOOLS


def is_known_model(value: str) -> bool:
    """A model value Claude Code resolves (alias or id-shaped); not a check against the API."""
    v = models.strip_context_suffix(value)
    low = v.lower()
    if low in MODEL_ALIASES:
        return True
    if _FULL_ID.match(low):
        return any(ch.isdigit() for ch in low) or any(f in low for f in MODEL_FAMILIES)
    return bool(_VERTEX_ID.match(low) or _BEDROCK_ID.match(low) or _ARN.match(v))


def suggest(word: str, choices: Iterable[str], cutoff: float = 0.75) -> list[str]:
    """Close matches: an exact case-insensitive match first, then difflib on lower case."""
    options = list(choices)
    low = word.lower()
    same_case = [c for c in options if c.lower() == low]
    if same_case:
        return same_case
    squashed = _squash(word)
    same_shape = [c for c in options if _squash(c) == squashed]
    if same_shape:
        return same_shape
    by_lower = {c.lower(): c for c in options}
    return [by_lower[m] for m in difflib.get_close_matches(low, list(by_lower), n=3, cutoff=cutoff)]


def _squash(word: str) -> str:
    return re.sub(r"[-_\s]", "", word).lower()


def did_you_mean(word: str, choices: Iterable[str], cutoff: float = 0.75) -> str:
    """`` (did you mean `x`?)`` or an empty string."""
    found = suggest(word, choices, cutoff)
    if not found:
        return ""
    return " (did you mean " + " or ".join(f"`{c}`" for c in found[:2]) + "?)"
