"""The editor integrations repeat facts the server owns: the agent-file globs (VS Code's
activation events and document selector, Emacs's file regexp, the Neovim/Vim root markers)
and the settings keys. These tests fail when one side changes and the other does not.

Static reads of the files under ``editors/`` (plus one batch Emacs call to evaluate its
regexp as Emacs does), so they run in well under a second.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from agentls import config
from agentls.config import docgen, schema
from agentls.knowledge.dialects import DEFAULT_GLOBS, EDITOR_EXTRA_GLOBS
from agentls.render import editor_globs

from .helpers import EDITORS, missing

VSCODE = EDITORS / "vscode"
SETTINGS_TS = VSCODE / "src" / "settings.ts"

EDITOR_EXTRAS = set(EDITOR_EXTRA_GLOBS)  # Copilot's folders, beyond the server's own globs
# A plugin's `agents/` and `commands/` count only beside `.claude-plugin/`: as a
# `workspaceContains` event they would start the extension in every repository with an
# `agents/` folder. Opening such a file activates it through `onLanguage:markdown`.
CONDITIONAL = {glob for glob, dialect in DEFAULT_GLOBS if "?" in dialect}
SERVER_GLOBS = {glob for glob, _ in DEFAULT_GLOBS}


def _package() -> dict[str, object]:
    data = json.loads((VSCODE / "package.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _ts_array(name: str) -> list[str]:
    text = SETTINGS_TS.read_text(encoding="utf-8")
    found = re.search(r"export const " + name + r" = \[(.*?)\]", text, re.S)
    assert found, f"{name} not found in {SETTINGS_TS}"
    return re.findall(r"'([^']*)'", found.group(1))


def _sample(glob: str) -> str:
    """A path the glob matches: ``**/`` becomes one folder, ``*`` a name."""
    return "/home/u/project/" + glob.replace("**/", "x/").replace("*", "a")


def test_vscode_globs_are_generated_from_the_knowledge() -> None:
    package = (VSCODE / "package.json").read_text(encoding="utf-8")
    settings = SETTINGS_TS.read_text(encoding="utf-8")
    assert editor_globs.package_json(package) == package, "run `python -m agentls.render.editor_globs`"
    assert editor_globs.settings_ts(settings) == settings, "run `python -m agentls.render.editor_globs`"
    # A glob missing from the file comes back when regenerated (the generator is not a no-op).
    with_new = editor_globs.package_json(package.replace('"workspaceContains:**/*.agent.md",\n', ""))
    assert '"workspaceContains:**/*.agent.md"' in with_new


def test_vscode_document_selector_globs_are_the_servers() -> None:
    globs = _ts_array("AGENT_GLOBS")
    assert all(g.startswith("**/") for g in globs)
    assert {g[3:] for g in globs} == SERVER_GLOBS | EDITOR_EXTRAS


def test_vscode_activation_events_cover_every_unconditional_glob() -> None:
    events = _package()["activationEvents"]
    assert isinstance(events, list)
    contains = {e.removeprefix("workspaceContains:**/") for e in events
                if e.startswith("workspaceContains:")}
    assert contains == SERVER_GLOBS - CONDITIONAL


def test_vscode_reads_every_extension_of_the_globs_as_markdown() -> None:
    extensions = {"." + g.rsplit(".", 1)[1] for g in SERVER_GLOBS}
    contributed = {ext for lang in _package()["contributes"]["languages"]  # type: ignore[index]
                   if lang["id"] == "markdown" for ext in lang["extensions"]}
    assert extensions - {".md"} <= contributed  # .md is VS Code's own


@pytest.mark.parametrize("lua", ["neovim/lsp/agentls.lua", "neovim/lua/agentls/init.lua"])
def test_neovim_root_markers_hold_every_project_folder_of_the_globs(lua: str) -> None:
    text = (EDITORS / lua).read_text(encoding="utf-8")
    markers = re.search(r"root_markers = \{(.*?)\}", text)
    assert markers
    assert _project_folders() <= set(re.findall(r"'([^']*)'", markers.group(1)))


def test_vim_root_markers_hold_every_project_folder_of_the_globs() -> None:
    text = (EDITORS / "vim" / "agentls.vim").read_text(encoding="utf-8")
    markers = re.search(r"agentls_root_markers',\s*\\\s*\[(.*?)\]", text)
    assert markers
    assert _project_folders() <= set(re.findall(r"'([^']*)'", markers.group(1)))


def _project_folders() -> set[str]:
    """`.claude`, `.github`, …: the dotted folder a glob starts with. `.config/opencode` is the
    user's own folder, never a project's root."""
    return {g.split("/", 1)[0] for g in SERVER_GLOBS if g.startswith(".") and "/" in g} - {".config"}


def test_emacs_treats_every_glob_of_the_server_as_an_agent_file() -> None:
    binary = shutil.which("emacs")
    if not binary:
        missing("emacs not found")
    assert binary
    samples = sorted(_sample(g) for g in SERVER_GLOBS | EDITOR_EXTRAS)
    outside = ["/home/u/project/README.md", "/home/u/project/docs/agents.txt"]
    agentls_el = EDITORS / "emacs" / "agentls.el"
    files = " ".join(json.dumps(s) for s in samples + outside)
    lisp = (f"(progn (package-activate-all) (load-file \"{agentls_el}\") (dolist (f '({files})) "
            "(princ (format \"%s %s\\n\" f (if (agentls-agent-file-p f) \"yes\" \"no\")))))")
    run = subprocess.run([binary, "--batch", "--eval", lisp], capture_output=True,
                         text=True, timeout=60)
    if "eglot" in run.stderr and run.returncode != 0:
        missing("eglot not found (Debian: apt-get install elpa-eglot)")
    assert run.returncode == 0, run.stderr
    answers = dict(line.rsplit(" ", 1) for line in run.stdout.splitlines())
    assert {s: answers.get(s) for s in samples} == {s: "yes" for s in samples}
    assert {s: answers.get(s) for s in outside} == {s: "no" for s in outside}


# -- settings keys -----------------------------------------------------------------------------

# Settings only the client reads: the server never sees them.
CLIENT_ONLY = {"server.command", "trace.server"}
# The settings every reader reads, declared once (agentls.config.schema).
OPTIONS = {o.key: o for o in schema.OPTIONS}
# Settings that run a program or choose where code goes: VS Code ignores them in a workspace's
# settings until it is trusted, and so does settings.ts before sending them.
RESTRICTED = {"server.command"} | {k for k, o in OPTIONS.items() if o.restricted}


def _contributed() -> set[str]:
    props = _package()["contributes"]["configuration"]["properties"]  # type: ignore[index]
    return {key.removeprefix("agentls.") for key in props}


def test_vscode_settings_are_generated_from_the_config() -> None:
    props = _package()["contributes"]["configuration"]["properties"]  # type: ignore[index]
    assert props == docgen.vscode_properties(props), "regenerate with `python -m agentls.config.docgen`"


def test_vscode_sends_every_setting_it_offers() -> None:
    assert sorted(_ts_array("SERVER_KEYS")) == sorted(_contributed() - CLIENT_ONLY)
    text = SETTINGS_TS.read_text(encoding="utf-8")
    assert text == docgen.settings_ts(text), "regenerate with `python -m agentls.config.docgen`"


def test_vscode_offers_every_setting_the_server_reads() -> None:
    # The key itself is never a setting there: it goes to the server's environment.
    offered = {k for k, o in OPTIONS.items() if o.vscode}
    assert offered == set(OPTIONS) - {"expert.apiKey"}
    assert sorted(offered - set(_ts_array("SERVER_KEYS"))) == []


# A value other than the default for the options whose JSON type does not say enough.
SAMPLES: dict[str, Any] = {
    "select": ["AG1"], "ignore": ["AG1"], "dialects": {"x/*.md": "claude-agent"}, "severity": {"AG130": "info"},
    "patterns.layers": ["a", "b"], "patterns.disabled": ["singleton"], "patterns.exclude": ["gen"],
    "expert.autoBudget": "$1", "expert.auto": "local", "expert.baseUrl": "http://127.0.0.1:1",
    "managedFolder": "/m", "dialect": "claude-agent",
}


def _value(option: schema.Option) -> Any:
    if option.key in SAMPLES:
        return SAMPLES[option.key]
    kind = option.schema["type"]
    kind = kind[0] if isinstance(kind, list) else kind
    default = option.schema.get("default")
    return {"boolean": not default, "integer": 7, "number": 0.5, "string": "x"}[kind]


def _nest(dotted: str, value: Any) -> dict[str, Any]:
    head, _, rest = dotted.partition(".")
    return {head: _nest(rest, value) if rest else value}


@pytest.mark.parametrize("key", sorted(OPTIONS))
def test_the_server_reads_every_declared_setting(key: str) -> None:
    """A value other than the default, nested or flat (VS Code's settings.json), changes
    the configuration the server and the CLI use."""
    value = _value(OPTIONS[key])
    assert config.build(None, _nest(key, value)) != config.build(None, {}), key
    assert config.build(None, {key: value}) == config.build(None, _nest(key, value)), key


def test_the_project_file_keys_are_read(tmp_path: Path) -> None:
    """Every option with a project key: written in pyproject.toml [tool.agentls], it changes
    the configuration (TOML spells them kebab-case)."""
    for key, option in OPTIONS.items():
        if option.toml is None:
            continue
        table, _, name = option.toml.rpartition(".")
        value = json.dumps(_value(option)).replace('{"', '{ "').replace('": ', '" = ')
        header = f"[tool.agentls{'.' + table if table else ''}]"
        (tmp_path / "pyproject.toml").write_text(f"{header}\n{name} = {value}\n", encoding="utf-8")
        assert config.load(tmp_path) != config.build(None), key


def test_vscode_restricts_the_settings_that_run_programs_or_send_code() -> None:
    restricted = _package()["capabilities"]["untrustedWorkspaces"]["restrictedConfigurations"]  # type: ignore[index]
    assert {k.removeprefix("agentls.") for k in restricted} == RESTRICTED
    assert restricted == docgen.restricted(), "regenerate with `python -m agentls.config.docgen`"
    text = SETTINGS_TS.read_text(encoding="utf-8")
    found = re.search(r"const RESTRICTED: ReadonlySet<string> = new Set\(\[(.*?)\]\)", text, re.S)
    assert found
    assert set(re.findall(r"'([^']*)'", found.group(1))) == RESTRICTED - CLIENT_ONLY


def test_vscode_tells_the_server_when_the_workspace_is_untrusted() -> None:
    # The server reads `workspaceTrusted` (agentls.config.schema.TRUST_KEY).
    text = SETTINGS_TS.read_text(encoding="utf-8")
    assert re.search(r"if \(!vscode\.workspace\.isTrusted\) out\." + schema.TRUST_KEY + " = false;", text)
    assert not config.build(None, {schema.TRUST_KEY: False}).trusted
