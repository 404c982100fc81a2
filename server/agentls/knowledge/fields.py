"""What each frontmatter key does, per dialect: the one table completion and hover read.

One ``FieldDoc`` per key per dialect: what it does, the allowed values (with a line on each
where that helps), the default, and which products and versions honour it. Facts come from
the agent-formats reference (Claude Code 2.1.332); value sets are shared with the rules
(``knowledge.claude_code``) so the checker, completion and hover never disagree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from agentls.knowledge import models
from agentls.knowledge.claude_code import (
    BUILTIN_TOOLS,
    COLORS,
    EFFORTS,
    ISOLATION_MODES,
    MEMORY_SCOPES,
    MODEL_ALIASES,
    PERMISSION_MODES,
    PLUGIN_ISOLATION_MODES,
)


@dataclass(frozen=True)
class FieldDoc:
    key: str
    summary: str
    kind: str  # string | boolean | integer | tools | model | names | enum | map | list | agent
    default: str = "not set"
    honoured: str = ""
    required: bool = False
    values: tuple[str, ...] = ()  # the allowed values, when they are an enumeration
    value_docs: Mapping[str, str] = field(default_factory=dict)

    def markdown(self) -> str:
        lines = [f"**`{self.key}`**" + (" (required)" if self.required else ""), "", self.summary]
        if self.values:
            shown = ", ".join(f"`{v}`" for v in self.values)
            lines += ["", f"Allowed: {shown}"]
        lines += ["", f"Default: {self.default}"]
        if self.honoured:
            lines += ["", f"Honoured by: {self.honoured}"]
        return "\n".join(lines)


CC = "Claude Code"
BOOLEANS = ("true", "false")

MODEL_DOCS: dict[str, str] = models.ALIAS_DOCS
# Full ids the model table knows (alias targets first); ids it does not know still load.
MODEL_IDS: tuple[str, ...] = (*(m.id for m in models.MODELS), "claude-sonnet-4-5-20250929")

TOOL_DOCS: dict[str, str] = {
    "Agent": "Spawns a subagent; `Agent(a, b)` limits which agent types (only for the main thread, `--agent`)",
    "Artifact": "Creates a shareable artifact",
    "AskUserQuestion": "Asks the user a multiple-choice question (never in subagents)",
    "Bash": "Runs shell commands; `Bash(npm run *)` allows matching commands only",
    "CronCreate": "Schedules a recurring prompt", "CronDelete": "Deletes a scheduled prompt",
    "CronList": "Lists scheduled prompts",
    "Edit": "Makes exact string replacements in a file; `Edit(/src/**)` limits the paths",
    "EndConversation": "Ends the conversation (never in subagents)",
    "EnterPlanMode": "Switches to plan mode (never in subagents)",
    "EnterWorktree": "Moves the session into a git worktree",
    "ExitPlanMode": "Leaves plan mode (in subagents only with `permissionMode: plan`)",
    "ExitWorktree": "Leaves the git worktree",
    "Glob": "Finds files by name pattern", "Grep": "Searches file contents (ripgrep)",
    "ListAgents": "Lists the available agents",
    "ListMcpResourcesTool": "Lists MCP server resources",
    "LSP": "Asks language servers (definitions, references, diagnostics)",
    "Monitor": "Watches a background process's output",
    "NotebookEdit": "Edits Jupyter notebook cells",
    "PowerShell": "Runs PowerShell commands", "PushNotification": "Sends a push notification",
    "Read": "Reads files (also images and PDFs); `Read(~/secrets/**)` limits the paths",
    "ReadMcpResourceTool": "Reads an MCP server resource",
    "RemoteTrigger": "Triggers a remote run", "ReportFindings": "Reports review findings",
    "ScheduleWakeup": "Schedules a wake-up (never in subagents)",
    "SendMessage": "Sends a message to another agent",
    "SendUserFile": "Sends a file to the user", "ShareOnboardingGuide": "Shares the onboarding guide",
    "Skill": "Runs a skill; `Skill(deploy *)` limits which",
    "TaskCreate": "Creates a task", "TaskGet": "Reads a task", "TaskList": "Lists tasks",
    "TaskOutput": "Reads a background task's output (never in subagents)",
    "TaskStop": "Stops a background task", "TaskUpdate": "Updates a task",
    "TodoWrite": "Keeps the session's to-do list",
    "ToolSearch": "Finds deferred tools by name or description",
    "WaitForMcpServers": "Waits for MCP servers to connect (never in subagents)",
    "WebFetch": "Fetches a URL; `WebFetch(domain:example.com)` limits the domains",
    "WebSearch": "Searches the web",
    "Workflow": "Runs a workflow (never in subagents)",
    "Write": "Creates or overwrites a file",
    "Task": "Old name of `Agent` (renamed in 2.1.63); still resolves",
}
assert set(TOOL_DOCS) >= BUILTIN_TOOLS  # a new tool needs a line here

# Tools that take a specifier worth a snippet: (label, snippet body).
# GitHub Copilot tool aliases (matched case-insensitively; Claude Code names map onto them).
COPILOT_TOOL_DOCS: dict[str, str] = {
    "execute": "Runs shell commands (also written `shell`, `Bash`, `powershell`)",
    "read": "Reads files (also written `Read`, `NotebookRead`)",
    "edit": "Edits files (also written `Edit`, `MultiEdit`, `Write`, `NotebookEdit`)",
    "search": "Searches files and text (also written `Grep`, `Glob`)",
    "agent": "Hands work to another agent (also written `custom-agent`, `Task`)",
    "web": "Searches and fetches the web (also written `WebSearch`, `WebFetch`)",
    "todo": "Keeps a task list (also written `TodoWrite`)",
}
COPILOT_DIALECTS = frozenset({"copilot-agent", "copilot-prompt"})

TOOL_SPECIFIERS: tuple[tuple[str, str], ...] = (
    ("Bash(…)", "Bash(${1:npm run *})"), ("Read(…)", "Read(${1:/src/**})"),
    ("Edit(…)", "Edit(${1:/src/**})"), ("Write(…)", "Write(${1:/src/**})"),
    ("WebFetch(domain:…)", "WebFetch(domain:${1:example.com})"),
    ("Skill(…)", "Skill(${1:name})"), ("Agent(…)", "Agent(${1:name})"),
)

_TOOLS_SUMMARY = ("Comma/space string or YAML list; `*` means all tools; `Name(specifier)` "
                  "narrows a tool; MCP tools as `mcp__server__tool`, `mcp__server__*`.")

_AGENT: tuple[FieldDoc, ...] = (
    FieldDoc("name", "The agent type Claude Code registers, exactly as written (lowercase letters and "
             "hyphens recommended; the file name does not have to match). Skipped if empty, not a "
             "string, starting with `-`, over 256 characters or containing `:`.",
             "string", "none: the file is not loaded", f"{CC} (all versions)", required=True),
    FieldDoc("description", "When to delegate to this agent; shown in the agent listing the main model "
             "reads (\"use proactively\" encourages delegation). Not trimmed; `\\n` becomes a newline.",
             "string", "none: the file is not loaded", f"{CC} (all versions)", required=True),
    FieldDoc("tools", "The tools the agent may use. " + _TOOLS_SUMMARY + " `[]`, `\"\"` or an empty "
             "value mean **no** tools.", "tools", "all tools (when absent)", f"{CC}"),
    FieldDoc("disallowedTools", "Tools removed before `tools` resolves. " + _TOOLS_SUMMARY,
             "tools", "none removed", f"{CC}"),
    FieldDoc("model", "Model alias, full id or `inherit`; any of them takes a `[1m]` suffix (1M context). "
             "Not validated at load: an unknown model fails at the API.", "model", "`inherit`",
             f"{CC}; full ids since v2.1.74", values=MODEL_ALIASES, value_docs=MODEL_DOCS),
    FieldDoc("permissionMode", "How the agent asks for permission. A parent in auto, `acceptEdits` or "
             "`bypassPermissions` mode wins.", "enum", "`default`",
             f"{CC} (project/user agents; ignored in plugin agents); `manual` since v2.1.200",
             values=PERMISSION_MODES, value_docs={
                 "default": "ask for each new kind of action", "acceptEdits": "accept file edits without asking",
                 "auto": "a classifier decides", "dontAsk": "deny whatever would need asking",
                 "bypassPermissions": "never ask (dangerous)", "plan": "read-only planning",
                 "manual": "same as `default` (v2.1.200+)"}),
    FieldDoc("maxTurns", "Maximum agentic turns before the agent stops. `\"5\"` is accepted.", "integer",
             "no limit", CC),
    FieldDoc("skills", "Skills preloaded into the agent's context (list, or a string split like `tools`). "
             "A missing skill is skipped; skills with `disable-model-invocation: true` cannot be preloaded.",
             "names", "none", CC),
    FieldDoc("mcpServers", "MCP servers for this agent: server names from `.mcp.json`, or "
             "`{name: config}` items (`stdio`, `http`, `sse`, `ws`).", "list", "none",
             f"{CC} (inline servers need a trusted folder, v2.1.238+; ignored in plugin agents)"),
    FieldDoc("hooks", "Hooks scoped to this agent: a map of event → list of matchers (`Stop` becomes "
             "`SubagentStop`). A list, string or `true` here makes Claude Code **skip** the agent.",
             "map", "none", f"{CC} (needs workspace trust, v2.1.218+; ignored in plugin agents)"),
    FieldDoc("memory", "Persistent memory directory for the agent.", "enum", "no memory", CC,
             values=MEMORY_SCOPES, value_docs={
                 "user": "`~/.claude/agent-memory/<name>/`",
                 "project": "`.claude/agent-memory/<name>/`",
                 "local": "`.claude/agent-memory-local/<name>/` (not committed)"}),
    FieldDoc("background", "Run the agent in the background. Only `true` or `\"true\"` turn it on.",
             "boolean", "`false`", CC, values=BOOLEANS),
    FieldDoc("effort", "Reasoning effort (model-dependent); any case; an integer is also accepted.",
             "enum", "the model's default", CC, values=EFFORTS),
    FieldDoc("isolation", "Run the agent in its own git worktree.", "enum", "none",
             f"{CC}: `worktree` documented, `remote` known to the loader; plugin agents: `worktree` only",
             values=ISOLATION_MODES, value_docs={"worktree": "a temporary git worktree",
                                                 "remote": "a remote environment (undocumented)"}),
    FieldDoc("color", "Display colour in the UI. Anything else (also `Red`) is dropped silently.",
             "enum", "none", CC, values=COLORS),
    FieldDoc("initialPrompt", "First user turn when the agent runs as the main session (`claude --agent`).",
             "string", "none", f"{CC} (ignored in plugin agents)"),
    FieldDoc("omitClaudeMd", "Leave CLAUDE.md out of the agent's context. Only `true`/`\"true\"` count.",
             "boolean", "`false`", f"{CC} loader (not in the 2026-08 docs)", values=BOOLEANS),
    FieldDoc("autoCompactWindow", "Context size (tokens, ≥ 100000) at which the agent auto-compacts.",
             "integer", "the model's window", f"{CC} loader (undocumented)"),
    FieldDoc("experimental", "Experimental settings map (e.g. `cacheTtl`); meaning unverified.", "map",
             "none", f"{CC} loader (undocumented)"),
    FieldDoc("observer", "Observer agent (undocumented).", "string", "none",
             f"{CC} loader (undocumented; ignored in plugin agents)"),
    FieldDoc("observerMessage", "Message for the observer (undocumented).", "string", "none",
             f"{CC} loader (undocumented; ignored in plugin agents)"),
    FieldDoc("observeToolResults", "Observer sees tool results (undocumented).", "boolean", "none",
             f"{CC} loader (undocumented)", values=BOOLEANS),
    FieldDoc("observeSubagents", "Observer sees subagents (undocumented).", "boolean", "none",
             f"{CC} loader (undocumented; ignored in plugin agents)", values=BOOLEANS),
)

_PLUGIN_EXTRA: tuple[FieldDoc, ...] = (
    FieldDoc("when_to_use", "Description fallback for plugin agents (when `description` is absent).",
             "string", "none", f"{CC} plugin agents only"),
    FieldDoc("when-to-use", "Second description fallback for plugin agents.", "string", "none",
             f"{CC} plugin agents only"),
)

_SKILL: tuple[FieldDoc, ...] = (
    FieldDoc("name", "The slash command's name when it differs from the directory (which stays an "
             "alias and the skill's key; `/skills` shows this as its display name). Ignored if "
             "over 256 characters or holding `<`, `>` or invisible characters.",
             "string", "the directory name", CC),
    FieldDoc("description", "What the skill does and when to use it; with `when_to_use` cut at 1,536 "
             "characters in the skill listing, and the whole listing is kept to about 1% of the "
             "context window.", "string", "the first body line (cut to 100 characters)", CC),
    FieldDoc("when_to_use", "Extra trigger text, appended to `description` in the listing (same "
             "1,536-character cut).", "string", "none", CC),
    FieldDoc("argument-hint", "Hint shown for the arguments, e.g. `[issue-number]` (quote it: an "
             "unquoted `[x]` is a YAML list).", "string", "none", CC),
    FieldDoc("arguments", "Named arguments (type not captured).", "list", "none", CC),
    FieldDoc("disable-model-invocation", "Only the user can run the skill (`/name`); it cannot be "
             "preloaded into agents.", "boolean", "`false`",
             f"{CC}; yes/no/on/off/1/0 since v2.1.218", values=BOOLEANS),
    FieldDoc("user-invocable", "Show the skill in the `/` menu.", "boolean", "`true`",
             f"{CC}; yes/no/on/off/1/0 since v2.1.218", values=BOOLEANS),
    FieldDoc("background", "Run in the background.", "boolean", "`false`", CC, values=BOOLEANS),
    FieldDoc("allowed-tools", "Tools granted **without asking** while the skill runs (it does not "
             "restrict). " + _TOOLS_SUMMARY, "tools", "none", CC),
    FieldDoc("disallowed-tools", "Tools removed while the skill runs.", "tools", "none", CC),
    FieldDoc("model", "Model while the skill runs (`/model` values or `inherit`).", "model", "`inherit`",
             CC, values=MODEL_ALIASES, value_docs=MODEL_DOCS),
    FieldDoc("effort", "Reasoning effort while the skill runs.", "enum", "the model's default", CC,
             values=EFFORTS),
    FieldDoc("context", "`fork` runs the skill in a forked subagent.", "enum", "inline", CC,
             values=("fork",)),
    FieldDoc("agent", "The agent type for a forked skill (`context: fork`).", "agent", "general-purpose", CC),
    FieldDoc("hooks", "Hooks while the skill runs; invalid hooks load the skill with no hooks and no "
             "allowed-tools.", "map", "none", CC),
    FieldDoc("paths", "Globs: a project skill is loaded but listed nowhere until a matching file "
             "is touched (`\"**\"` counts as no condition). Commands and plugin skills ignore it.",
             "list", "all files", CC),
    FieldDoc("shell", "Shell for `!` commands.", "enum", "`bash`", CC, values=("bash", "powershell")),
    FieldDoc("metadata", "Free-form map.", "map", "none", f"{CC}, Agent Skills spec"),
    FieldDoc("license", "License name or file.", "string", "none", f"{CC}, Agent Skills spec"),
    FieldDoc("compatibility", "Environment requirements (≤ 500 characters).", "string", "none",
             f"{CC}, Agent Skills spec"),
    FieldDoc("version", "Skill version (informational).", "string", "none", CC),
)

_COMMAND: tuple[FieldDoc, ...] = (
    FieldDoc("description", "Shown in the `/` menu.", "string", "the first body line", CC),
    FieldDoc("allowed-tools", "Tools granted without asking, e.g. `Bash(git add:*)` (needed for "
             "`!`cmd`` lines). " + _TOOLS_SUMMARY, "tools", "none", CC),
    FieldDoc("argument-hint", "Hint for the arguments, e.g. `[pr-number] [priority]` (quote it).",
             "string", "none", CC),
    FieldDoc("model", "Model for this command.", "model", "`inherit`", CC, values=MODEL_ALIASES,
             value_docs=MODEL_DOCS),
    FieldDoc("disable-model-invocation", "Claude cannot run this command itself.", "boolean", "`false`",
             CC, values=BOOLEANS),
    FieldDoc("name", "Plugin commands: may rename the command (≤ 256); otherwise the file name is the "
             "name.", "string", "the file name", f"{CC} (plugin commands)"),
)

_GH = "GitHub Copilot (github.com, VS Code)"
_COPILOT_AGENT: tuple[FieldDoc, ...] = (
    FieldDoc("description", "What the agent does.", "string", "none", _GH, required=True),
    FieldDoc("name", "Display name.", "string", "the file name", _GH),
    FieldDoc("target", "Where the agent runs (`vscode`, `github-copilot`).", "enum", "both", _GH,
             values=("vscode", "github-copilot")),
    FieldDoc("tools", "Tool list; `[\"*\"]` all, `[]` none; MCP as `server/tool`.", "tools", "all", _GH),
    FieldDoc("model", "Model name; VS Code also takes a fallback list.", "string", "the picker's", _GH),
    FieldDoc("disable-model-invocation", "Only the user can pick the agent.", "boolean", "`false`", _GH,
             values=BOOLEANS),
    FieldDoc("user-invocable", "Show the agent in the picker.", "boolean", "`true`", _GH, values=BOOLEANS),
    FieldDoc("user-invokable", "VS Code's spelling of `user-invocable`.", "boolean", "`true`", "VS Code",
             values=BOOLEANS),
    FieldDoc("mcp-servers", "MCP servers for the agent.", "map", "none", _GH),
    FieldDoc("metadata", "Free-form map.", "map", "none", _GH),
    FieldDoc("argument-hint", "Hint for the input.", "string", "none", "VS Code"),
    FieldDoc("handoffs", "Buttons to hand over to another agent (`label`, `agent`, `prompt`, `send`).",
             "list", "none", "VS Code"),
    FieldDoc("agents", "Subagents this agent may use.", "list", "all", "VS Code"),
)
_COPILOT_PROMPT: tuple[FieldDoc, ...] = (
    FieldDoc("description", "What the prompt does.", "string", "none", "VS Code"),
    FieldDoc("name", "Name after `/`.", "string", "the file name", "VS Code"),
    FieldDoc("argument-hint", "Hint for the input.", "string", "none", "VS Code"),
    FieldDoc("agent", "`ask`, `edit`, `agent` or a custom agent.", "enum", "the current", "VS Code",
             values=("ask", "edit", "agent")),
    FieldDoc("mode", "Old name of `agent`.", "enum", "the current", "VS Code (legacy)",
             values=("ask", "edit", "agent")),
    FieldDoc("model", "Model name.", "string", "the picker's", "VS Code"),
    FieldDoc("tools", "Tool list.", "tools", "the agent's", "VS Code"),
)
_COPILOT_INSTRUCTIONS: tuple[FieldDoc, ...] = (
    FieldDoc("applyTo", "Glob of files the instructions apply to.", "string", "none (manual)", _GH),
    FieldDoc("description", "What the instructions cover.", "string", "none", _GH),
    FieldDoc("excludeAgent", "Agent that ignores these instructions (unverified).", "string", "none", _GH),
    FieldDoc("name", "Display name.", "string", "the file name", "VS Code"),
)
_OC = "OpenCode"
_OPENCODE: tuple[FieldDoc, ...] = (
    FieldDoc("description", "What the agent does.", "string", "none", _OC, required=True),
    FieldDoc("mode", "Where the agent can be used.", "enum", "`all`", _OC, values=("primary", "subagent", "all")),
    FieldDoc("model", "`provider/model-id`.", "string", "the session's", _OC),
    FieldDoc("temperature", "Sampling temperature (typically 0.0–1.0).", "string", "the model's", _OC),
    FieldDoc("top_p", "Nucleus sampling.", "string", "the model's", _OC),
    FieldDoc("maxSteps", "Maximum agentic steps (newer: `steps`).", "integer", "no limit", _OC),
    FieldDoc("steps", "Maximum agentic steps.", "integer", "no limit", _OC),
    FieldDoc("disable", "Turn the agent off.", "boolean", "`false`", _OC, values=BOOLEANS),
    FieldDoc("prompt", "Prompt text or `{file:./x.txt}`.", "string", "the body", _OC),
    FieldDoc("hidden", "Hide a subagent from the `@` menu.", "boolean", "`false`", _OC, values=BOOLEANS),
    FieldDoc("tools", "Map tool → boolean (globs allowed).", "map", "all", _OC),
    FieldDoc("permission", "Map `edit`/`bash`/`webfetch`/`task` → `ask`|`allow`|`deny`.", "map",
             "the session's", _OC),
    FieldDoc("color", "Display colour.", "string", "none", _OC),
    FieldDoc("reasoningEffort", "Passed to the provider.", "string", "none", _OC),
    FieldDoc("textVerbosity", "Passed to the provider.", "string", "none", _OC),
)
_CURSOR: tuple[FieldDoc, ...] = (
    FieldDoc("description", "When the agent should pull the rule in (Agent Requested).", "string", "none",
             "Cursor"),
    FieldDoc("globs", "Files that attach the rule (comma string or list).", "string", "none", "Cursor"),
    FieldDoc("alwaysApply", "Always include the rule.", "boolean", "`false`", "Cursor", values=BOOLEANS),
)


def _plugin_agent() -> tuple[FieldDoc, ...]:
    ignored = {"permissionMode", "mcpServers", "hooks", "initialPrompt", "observer",
               "observerMessage", "observeSubagents"}
    out = []
    for doc in _AGENT:
        if doc.key in ignored:
            doc = replace(doc, honoured="**ignored** in plugin agents (Claude Code warns at load)")
        elif doc.key == "isolation":
            doc = replace(doc, values=PLUGIN_ISOLATION_MODES)
        elif doc.key in ("name", "description"):
            doc = replace(doc, required=False, default="the file name" if doc.key == "name"
                          else "`when_to_use`, then `Agent from <plugin> plugin`")
        out.append(doc)
    return (*out, *_PLUGIN_EXTRA)


FIELDS: dict[str, dict[str, FieldDoc]] = {
    dialect: {d.key: d for d in docs} for dialect, docs in (
        ("claude-agent", _AGENT),
        ("claude-plugin-agent", _plugin_agent()),
        ("claude-skill", _SKILL),
        # Commands go through the skill loader: the skill keys load there too.
        ("claude-command", (*_COMMAND, *(d for d in _SKILL if d.key not in
                                         {c.key for c in _COMMAND} | {"name"}))),
        ("copilot-agent", _COPILOT_AGENT),
        ("copilot-prompt", _COPILOT_PROMPT),
        ("copilot-instructions", _COPILOT_INSTRUCTIONS),
        ("opencode-agent", _OPENCODE),
        ("cursor-rule", _CURSOR),
    )
}


def field_doc(dialect: str, key: str) -> FieldDoc | None:
    return FIELDS.get(dialect, {}).get(key)


def model_doc(value: str) -> str:
    """What a model value resolves to, in words (the id table changes per build)."""
    raw = value.strip()
    one_m = raw.lower().endswith("[1m]")
    base = raw[:-4] if one_m else raw
    low = base.lower()
    suffix = " with the 1M-token context window" if one_m else ""
    if low in MODEL_DOCS:
        return f"`{raw}` → {MODEL_DOCS[low]}{suffix} (aliases resolve case-insensitively at spawn)"
    if low.startswith("claude-"):
        return f"`{raw}` is a full model id, sent to the API unchanged{suffix}"
    return f"`{raw}` is not a known alias or id: Claude Code loads it and the API call fails"
