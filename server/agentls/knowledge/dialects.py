"""The dialects agentls knows: who reads each kind of agent file, its keys, and the globs that
say which dialect a path is. Data only; `agentls.dialects` matches paths against the globs.
The editor integrations repeat the globs (VS Code activation events and selectors, Emacs,
Neovim, Vim); tests/editors/test_drift.py fails when they drift from ``DEFAULT_GLOBS``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Dialect:
    id: str
    title: str
    product: str  # who reads the file, for messages ("Claude Code will not load this agent")
    noun: str  # "agent", "skill", "command", "rule", "prompt file"
    required: tuple[str, ...]
    keys: frozenset[str]
    name_from: str  # "frontmatter" | "file" | "directory"
    docs: str


CLAUDE_AGENT_KEYS = frozenset({
    "name", "description", "tools", "disallowedTools", "model", "permissionMode", "maxTurns",
    "skills", "mcpServers", "hooks", "memory", "background", "effort", "isolation", "color",
    "initialPrompt", "omitClaudeMd", "autoCompactWindow", "experimental", "observer",
    "observerMessage", "observeToolResults", "observeSubagents",
})
CLAUDE_SKILL_KEYS = frozenset({
    "name", "description", "when_to_use", "argument-hint", "arguments",
    "disable-model-invocation", "user-invocable", "background", "allowed-tools",
    "disallowed-tools", "model", "effort", "context", "agent", "hooks", "paths", "shell",
    "metadata", "license", "compatibility", "version",
})
# Commands are read by the skill loader ("merged into skills"): the same keys load
# (`user-invocable`, `hooks`, `effort` …); `paths` and the frontmatter `name` are read but
# ignored for project commands (AG190 says so).
CLAUDE_COMMAND_KEYS = CLAUDE_SKILL_KEYS
AGENT_SKILLS_SPEC_KEYS = frozenset({
    "name", "description", "license", "compatibility", "metadata", "allowed-tools",
})

DIALECTS: dict[str, Dialect] = {d.id: d for d in (
    Dialect("claude-agent", "Claude Code subagent", "Claude Code", "agent",
            ("name", "description"), CLAUDE_AGENT_KEYS, "frontmatter",
            "https://code.claude.com/docs/en/sub-agents"),
    Dialect("claude-plugin-agent", "Claude Code plugin agent", "Claude Code", "plugin agent",
            (), CLAUDE_AGENT_KEYS | {"when_to_use", "when-to-use"}, "frontmatter",
            "https://code.claude.com/docs/en/plugins-reference"),
    Dialect("claude-skill", "Claude Code skill", "Claude Code", "skill",
            (), CLAUDE_SKILL_KEYS, "directory", "https://code.claude.com/docs/en/skills"),
    Dialect("claude-command", "Claude Code slash command", "Claude Code", "command",
            (), CLAUDE_COMMAND_KEYS, "file", "https://code.claude.com/docs/en/slash-commands"),
    Dialect("copilot-agent", "GitHub Copilot custom agent", "GitHub Copilot", "custom agent",
            ("description",), frozenset({
                "description", "name", "target", "tools", "model", "disable-model-invocation",
                "user-invocable", "user-invokable", "mcp-servers", "metadata", "argument-hint",
                "handoffs", "agents",
            }), "file",
            "https://docs.github.com/en/copilot/reference/custom-agents-configuration"),
    Dialect("copilot-prompt", "GitHub Copilot prompt file", "GitHub Copilot", "prompt file",
            (), frozenset({"description", "name", "argument-hint", "agent", "model", "tools",
                           "mode"}), "file",
            "https://code.visualstudio.com/docs/copilot/customization/prompt-files"),
    Dialect("copilot-instructions", "GitHub Copilot instructions file", "GitHub Copilot",
            "instructions file", (), frozenset({"applyTo", "description", "excludeAgent", "name"}),
            "file", "https://code.visualstudio.com/docs/copilot/customization/custom-instructions"),
    Dialect("opencode-agent", "OpenCode agent", "OpenCode", "agent", ("description",),
            frozenset({"description", "mode", "model", "temperature", "top_p", "maxSteps", "steps",
                       "disable", "prompt", "hidden", "tools", "permission", "color",
                       "reasoningEffort", "textVerbosity"}), "file",
            "https://opencode.ai/docs/agents/"),
    Dialect("cursor-rule", "Cursor rule", "Cursor", "rule", (),
            frozenset({"description", "globs", "alwaysApply"}), "file",
            "https://docs.cursor.com/context/rules"),
)}

# Ordered: the first match wins. Patterns match the end of a POSIX path.
DEFAULT_GLOBS: tuple[tuple[str, str], ...] = (
    (".claude/agents/**/*.md", "claude-agent"),
    (".claude/commands/**/*.md", "claude-command"),
    (".claude/skills/*/SKILL.md", "claude-skill"),
    ("skills/*/SKILL.md", "claude-skill"),
    ("commands/**/*.md", "claude-command?plugin"),
    ("agents/**/*.md", "claude-plugin-agent?plugin"),
    (".github/agents/*.md", "copilot-agent"),
    (".github/chatmodes/*.chatmode.md", "copilot-agent"),
    ("*.agent.md", "copilot-agent"),
    ("*.chatmode.md", "copilot-agent"),
    ("*.prompt.md", "copilot-prompt"),
    ("*.instructions.md", "copilot-instructions"),
    (".opencode/agents/*.md", "opencode-agent"),
    (".opencode/agent/*.md", "opencode-agent"),
    (".config/opencode/agents/*.md", "opencode-agent"),
    (".config/opencode/agent/*.md", "opencode-agent"),
    (".cursor/rules/**/*.mdc", "cursor-rule"),
)

# Globs the editors send to the server beyond its own: Copilot's prompt and instruction
# folders, where a file not named `*.prompt.md` / `*.instructions.md` reaches the server, which
# says nothing about it.
EDITOR_EXTRA_GLOBS: tuple[str, ...] = (".github/prompts/*.md", ".github/instructions/*.md")


def editor_globs() -> tuple[str, ...]:
    """Every glob an editor hands to the server: the dialects' and the extras, in order."""
    return tuple(dict.fromkeys([g for g, _ in DEFAULT_GLOBS] + list(EDITOR_EXTRA_GLOBS)))


def activation_globs() -> tuple[str, ...]:
    """The globs whose presence in a workspace starts an editor integration. A plugin's
    `agents/` and `commands/` count only beside `.claude-plugin/` (their dialect ends in
    `?plugin`): as an activation glob they would start it in every repository with an
    `agents/` folder; opening such a file starts it through its language instead."""
    return tuple(g for g, dialect in DEFAULT_GLOBS if "?" not in dialect)


def title(dialect: str) -> str:
    d = DIALECTS.get(dialect)
    return d.title if d else dialect
