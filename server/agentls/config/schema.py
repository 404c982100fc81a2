"""Every setting agentls reads, declared once: its key in the editor's ``agentls`` section and
in ``[tool.agentls]``, its section, where it applies, and its text.

The documented table (``docs/configuration.md``) and VS Code's ``contributes.configuration``
(``editors/vscode/package.json``) are generated from this table (``agentls.config.docgen``);
tests fail when either is stale, and when a reader reads a key not declared here.

``scope``: ``resource`` settings may differ per workspace folder (the server asks the editor
for each folder's values); ``window`` settings are one value for the whole workspace.
``restricted``: the setting runs a program or chooses where code is sent, so it is never read
from project files and an untrusted workspace's value is ignored.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from agentls.knowledge.dialects import DIALECTS

SECTIONS = ("core", "patterns", "expert", "index")
_LEVELS = ["error", "warning", "info", "hint"]


@dataclass(frozen=True)
class Option:
    key: str  # in the editor's `agentls` section, dotted: "patterns.godClass.wmc"
    section: str  # one of SECTIONS
    doc: str  # Markdown, one paragraph
    schema: Mapping[str, Any]  # the value's JSON schema, with its "default" (VS Code shows it)
    toml: str | None = None  # in [tool.agentls] (dotted for sub-tables); None: the editor only
    scope: str = "resource"  # "resource" (per workspace folder) or "window"
    restricted: bool = False
    vscode: bool = True  # offered in VS Code's settings UI
    default: str | None = None  # the default as the docs say it, when the schema's is a stand-in
    extra: Mapping[str, Any] = field(default_factory=dict)  # more VS Code keys (enumDescriptions)

    @property
    def shown_default(self) -> str:
        if self.default is not None:
            return self.default
        value = self.schema.get("default")
        return "unset" if value in (None, "", [], {}) else f"`{_json(value)}`"


def _json(value: Any) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)


def _strings() -> dict[str, Any]:
    return {"type": "array", "items": {"type": "string"}, "default": []}


OPTIONS: tuple[Option, ...] = (
    # -- core: the agent-file checker ------------------------------------------------------------
    Option("select", "core", "Rule code prefixes to run (e.g. `AG0`, `AG130`). Empty: every rule.",
           _strings(), toml="select"),
    Option("ignore", "core", "Rule code prefixes to skip (e.g. `AG105`).", _strings(), toml="ignore"),
    Option("failOn", "core", "Lowest severity that makes `agentls check` fail; in the editor it is "
           "informational (shared with the project configuration).",
           {"type": "string", "enum": _LEVELS, "default": "error"}, toml="fail-on"),
    Option("maxFileSize", "core", "Files larger than this many bytes are reported, not analysed (nor "
           "indexed in the background).", {"type": "integer", "minimum": 1, "default": 1048576},
           toml="max-file-size"),
    Option("dialects", "core", "Extra glob → dialect mappings, tried before the built-in ones, e.g. "
           "`{ \"prompts/agents/*.md\": \"claude-agent\" }`.",
           {"type": "object", "additionalProperties": {"type": "string", "enum": list(DIALECTS)},
            "default": {}}, toml="dialects"),
    Option("severity", "core", "Per-rule severity overrides, e.g. `{ \"AG130\": \"error\" }`.",
           {"type": "object", "additionalProperties": {"type": "string", "enum": _LEVELS}, "default": {}},
           toml="severity"),
    Option("dialect", "core", "Read every Markdown file (`.md`, `.mdc`) as this dialect, as "
           "`agentls check --dialect` does. Empty: the globs decide.",
           {"type": "string", "enum": ["", *DIALECTS], "default": ""}),
    # -- index: the agent-file index -------------------------------------------------------------
    Option("indexUserFolder", "index", "Also index `~/.claude/agents`, `skills`, `commands` and the MCP "
           "servers of `~/.claude.json` (names, duplicates, references across agent files).",
           {"type": "boolean", "default": True}, scope="window"),
    Option("managedFolder", "index", "The managed-settings folder holding `.claude/agents`, indexed as "
           "the managed scope.", {"type": ["string", "null"], "default": None}, scope="window"),
    Option("contextWindow", "index", "Tokens of the model's context window; the skill listing's budget "
           "is 1% of it (AGW005).", {"type": "integer", "minimum": 1, "default": 200000}, scope="window"),
    # -- patterns: design patterns and smells in Python ------------------------------------------
    Option("patterns.enabled", "patterns", "Design-pattern hovers, symbols and smells in Python files, "
           "and the background index of the workspace's Python files.",
           {"type": "boolean", "default": True}),
    Option("patterns.smells", "patterns", "Report code smells (god class, long method, …) as "
           "diagnostics in Python files; false also stops the engine from computing them.",
           {"type": "boolean", "default": True}, toml="patterns.smells"),
    Option("patterns.exclude", "patterns", "Glob patterns (`.gitignore` syntax, relative to the "
           "workspace folder) of Python files or folders the background index skips, e.g. "
           "`**/migrations/**`, `vendored`. Hidden folders, virtualenvs, `node_modules` and what "
           "`.gitignore` ignores are always skipped.", _strings(), scope="window"),
    Option("patterns.maxFiles", "patterns", "The server indexes the workspace's Python files in the "
           "background, so a hover can name pattern participants in files that are not open. At most "
           "this many files are indexed; `0` turns the background index off.",
           {"type": "integer", "minimum": 0, "default": 20000}, scope="window"),
    Option("patterns.godClass.atfd", "patterns", "God class: reported when the class reads more than "
           "this many attributes of other objects (ATFD), **and** its WMC reaches "
           "`patterns.godClass.wmc`, **and** its TCC is below `patterns.godClass.tcc`.",
           {"type": "integer", "minimum": 0, "default": 5}, toml="patterns.god-class.atfd"),
    Option("patterns.godClass.wmc", "patterns", "God class: the summed cyclomatic complexity of the "
           "methods (WMC) from which a class can be a god class.",
           {"type": "integer", "minimum": 1, "default": 47}, toml="patterns.god-class.wmc"),
    Option("patterns.godClass.tcc", "patterns", "God class: the Tight Class Cohesion (0 to 1, the share "
           "of public method pairs using a common field) below which a class can be a god class.",
           {"type": "number", "minimum": 0, "maximum": 1, "default": 0.3333}, toml="patterns.god-class.tcc",
           default="`1/3`"),
    Option("patterns.layers", "patterns", "The architecture's layers, inner to outer, for "
           "layer-violation smells: package names (`[\"core\", \"app\", \"web\"]`, each the package "
           "of that name), `{ \"name\": \"domain\", \"packages\": [\"domain\", \"model\"] }` objects, "
           "or in TOML a table `name = [packages]`; at least two.",
           {"type": ["array", "null"], "default": None, "items": {"anyOf": [
               {"type": "string"},
               {"type": "object", "required": ["name", "packages"], "properties": {
                   "name": {"type": "string"}, "packages": {"type": "array", "items": {"type": "string"}}}}]}},
           toml="patterns.layers", default="`domain`, `adapters`, `service`, `entrypoints`"),
    Option("patterns.disabled", "patterns", "Pattern and smell ids never reported, e.g. "
           "`[\"singleton\", \"god_class\"]` (the ids are listed in `docs/patterns`).",
           _strings(), toml="patterns.disabled"),
    # -- expert: the architecture expert ---------------------------------------------------------
    Option("expert.default", "expert", "Name of the expert that answers (a Claude Code subagent in the "
           "workspace or `~/.claude/agents`, or the bundled `python-architect`). Empty: the bundled "
           "expert. `agentls: Choose the expert` picks one for this session.",
           {"type": "string", "default": ""}, scope="window"),
    Option("expert.model", "expert", "Model for every expert (an alias such as `sonnet` or a full model "
           "id). Empty: the expert's own `model`, else the default.",
           {"type": "string", "default": ""}, scope="window"),
    Option("expert.localOnly", "expert", "Always answer with the local expert (pattern and smell "
           "analysis); no code leaves the machine.", {"type": "boolean", "default": False}, scope="window"),
    Option("expert.remoteEnabled", "expert", "Allow the remote expert (the Anthropic API). Off: the "
           "local expert answers.", {"type": "boolean", "default": True}, scope="window"),
    Option("expert.baseUrl", "expert", "Base URL of the Anthropic API (a gateway or proxy). Empty: "
           "`ANTHROPIC_BASE_URL`, else the public API. A host other than the Anthropic API is used only "
           "after you agree, once per session.", {"type": "string", "default": ""},
           scope="window", restricted=True),
    Option("expert.apiKey", "expert", "The Anthropic API key; prefer `ANTHROPIC_API_KEY` in the "
           "server's environment (VS Code keeps the key in its secret storage and never sends it as a "
           "setting).", {"type": "string", "default": ""}, scope="window", vscode=False),
    Option("expert.includeUserAgents", "expert", "Offer the subagents in `~/.claude/agents` as experts, "
           "besides the workspace's and the bundled one.", {"type": "boolean", "default": True},
           scope="window"),
    Option("expert.timeout", "expert", "Seconds before an API request times out. Empty: the SDK's "
           "default.", {"type": ["number", "null"], "default": None}, scope="window"),
    Option("expert.maxRetries", "expert", "Retries of a failed API request. Empty: the SDK's default.",
           {"type": ["integer", "null"], "default": None}, scope="window"),
    Option("expert.maxTokens", "expert", "Longest answer, in tokens. Empty: 16,384 for the Opus, Sonnet "
           "and Fable families, 8,192 for Haiku and unknown models; never above the model's maximum "
           "output.", {"type": ["integer", "null"], "minimum": 1, "default": None}, scope="window"),
    Option("expert.verifyCommand", "expert", "The test command *Verify with tests* runs on a copy of the "
           "project with the expert's edits applied, e.g. `pytest -q`.",
           {"type": "string", "default": ""}, scope="window", restricted=True),
    Option("expert.auto", "expert", "Suggestions while you edit: a code lens above the symbol, hint "
           "diagnostics with quick fixes, and the verified replacement as ghost text. `local`: when "
           "typing pauses, the local expert looks at the changed symbols; `onSave` also sends each "
           "changed symbol to your chosen expert on save (asked once first, secrets masked, within "
           "`expert.autoBudget`).", {"type": "string", "enum": ["off", "local", "onSave"], "default": "off"},
           scope="window", restricted=True, extra={"enumDescriptions": [
               "The expert answers only when asked (a quick fix or a review command).",
               "When typing pauses, the local expert (no API call) looks at the top-level functions and "
               "classes you changed.",
               "On save, each changed top-level function or class is sent to your chosen expert (asked "
               "once first, secrets masked, within `agentls.expert.autoBudget`); `local` while typing."]}),
    Option("expert.autoBudget", "expert", "What `onSave` may spend in any sliding hour: a number or "
           "`\"50k tokens\"` is tokens, `\"$0.50\"` or `{ \"dollars\": 0.5 }` is dollars. Over it, "
           "symbols get the local expert and a message says so.",
           {"type": ["number", "string", "object", "null"], "default": None}, scope="window",
           default="`$0.50` per hour"),
    Option("expert.autoDebounce", "expert", "Milliseconds typing must pause before `local` looks at the "
           "changed symbols.", {"type": ["integer", "null"], "default": None, "minimum": 0},
           scope="window", default="`600`"),
)

# Sent by the editor integration, not set by the user: VS Code's restricted mode.
TRUST_KEY = "workspaceTrusted"
