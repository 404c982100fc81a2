"""Shared helpers for the editor end-to-end tests.

Each test drives a real editor (Neovim, Emacs, Vim, VS Code in code-server) headless through
the configuration or extension under ``editors/``. ``.ci/editors`` installs the editors; a test
skips only when its editor binary is missing, and with ``AGENTLS_REQUIRE_EDITORS=1`` (set by
CI) a missing editor is a failure instead.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EDITORS = ROOT / "editors"
TOOLS = Path(os.environ.get("AGENTLS_EDITOR_TOOLS", EDITORS / ".tools"))
HERE = Path(__file__).resolve().parent

# The AG005 example: a one-line description with `Examples: <example>` is invalid YAML that
# Claude Code still loads.
AGENT_TEXT = '---\nname: helper\ndescription: Use it. Examples: <example>user: "hi"</example>\n---\nBody\n'
AGENT_FIXED_LINE = 'description: "Use it. Examples: <example>user: \\"hi\\"</example>"'
FIX_TITLE = "Quote the values"

# A singleton: `Config` (line 1, from column 6) should hover with the pattern's explanation.
PYTHON_TEXT = '''class Config:
    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance


def settings():
    return Config()
'''
PYTHON_CLASS_LINE = 0  # 0-based
PYTHON_CLASS_COL = 7


def required() -> bool:
    return os.environ.get("AGENTLS_REQUIRE_EDITORS", "") not in ("", "0")


def missing(what: str) -> None:
    """Skip (or, in CI, fail) because an editor or tool is not installed."""
    msg = f"{what} (run .ci/editors to install the editors)"
    if required():
        pytest.fail(f"AGENTLS_REQUIRE_EDITORS is set but {msg}")
    pytest.skip(msg)


def feature_missing(module: str) -> str | None:
    """The reason to skip when a server feature module does not exist yet."""
    if importlib.util.find_spec(module) is None:
        return f"{module} does not exist yet"
    return None


def server_path_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for an editor: `agentls` of this interpreter first on PATH, no API key."""
    bindir = str(Path(sys.executable).parent)
    env = {k: v for k, v in os.environ.items() if k != "ANTHROPIC_API_KEY"}
    env["PATH"] = bindir + os.pathsep + env.get("PATH", "")
    if not shutil.which("agentls", path=env["PATH"]):
        pytest.fail(f"no agentls executable next to {sys.executable}: pip install -e .")
    env.update(extra or {})
    return env


def _ends(text: str, size: int = 1500) -> str:
    """The start (where a backtrace names the error) and the end of a long output."""
    return text if len(text) <= 2 * size else f"{text[:size]}\n[...]\n{text[-size:]}"


def run_driver(name: str, argv: list[str], file: Path, out: Path, env: dict[str, str],
               stdin: int | None = subprocess.DEVNULL,
               logs: Callable[[], str] | None = None) -> dict[str, object]:
    """Run an editor on its driver script, which writes what it saw to ``out`` as JSON with
    ``"ok": true``; on anything else, fail with everything the editor printed (and ``logs()``,
    read after the run)."""
    proc = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=120,
                          cwd=file.parent, stdin=stdin)
    result = json.loads(out.read_text()) if out.exists() else {}
    assert proc.returncode == 0 and result.get("ok") is True, (
        f"{name} exited {proc.returncode}\nresult: {result}\nstdout: {proc.stdout[-2000:]}\n"
        f"stderr: {_ends(proc.stderr)}" + (f"\nlsp.log: {logs()}" if logs else ""))
    return result


def make_workspace(root: Path) -> dict[str, Path]:
    """A project with a Claude Code agent file and a Python module."""
    ws = root / "ws"
    (ws / ".claude" / "agents").mkdir(parents=True)
    agent = ws / ".claude" / "agents" / "helper.md"
    agent.write_text(AGENT_TEXT, encoding="utf-8")
    module = ws / "config.py"
    module.write_text(PYTHON_TEXT, encoding="utf-8")
    (ws / "pyproject.toml").write_text('[project]\nname = "demo"\nversion = "0"\n', encoding="utf-8")
    return {"ws": ws, "agent": agent, "module": module}


def version_of(cmd: list[str]) -> str:
    try:
        out = subprocess.run([*cmd, "--version"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return out.splitlines()[0] if out else ""


# The fake Anthropic server's canned answer (tests/expert/fake_anthropic.py) suggests renaming
# `f` on lines 1-2 to `total`.
EXPERT_TEXT = "def f(a, b):\n    return a + b\n\n\nprint(f(1, 2))\n"
EXPERT_FIXED_FIRST_LINE = "def total(a, b):"
REVIEW_TITLE = "review this module"


def fake_anthropic():  # type: ignore[no-untyped-def]
    """The project's fake Messages API (started in-process), or a skip naming what is missing."""
    if reason := feature_missing("agentls.lsp.expert_features"):
        pytest.skip(reason)
    try:
        from tests.expert.fake_anthropic import FakeAnthropic
    except ImportError as exc:  # pragma: no cover
        pytest.skip(f"tests/expert/fake_anthropic.py is not importable: {exc}")
    return FakeAnthropic()
