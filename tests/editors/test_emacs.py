"""Emacs end-to-end: `emacs --batch` with editors/emacs/agentls.el and eglot.

Debian 12: Emacs 28.2 with `elpa-eglot` 1.9 and `elpa-markdown-mode` (installed by .ci/editors).
The agent file opens in markdown-mode, `agentls-setup`'s mode hook starts eglot, flymake shows
the warning, `M-x eglot-code-actions` applies the quick fix and the saved text is clean.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from tests.editors.helpers import (
    AGENT_FIXED_LINE,
    EDITORS,
    FIX_TITLE,
    HERE,
    PYTHON_CLASS_COL,
    PYTHON_CLASS_LINE,
    feature_missing,
    make_workspace,
    missing,
    run_driver,
    server_path_env,
)

DRIVER = HERE / "emacs_driver.el"


def emacs() -> str:
    binary = os.environ.get("AGENTLS_EMACS") or shutil.which("emacs")
    if not binary:
        missing("emacs not found (Debian: apt-get install emacs-nox elpa-eglot elpa-markdown-mode)")
    assert binary
    probe = subprocess.run([binary, "--batch", "--eval", "(progn (package-activate-all) (require 'eglot))"],
                           capture_output=True, text=True, timeout=60)
    if probe.returncode != 0:
        missing(f"eglot is not installed for {binary} (apt-get install elpa-eglot): {probe.stderr[-300:]}")
    return binary


def run_emacs(tmp_path: Path, file: Path, task: str, **env: str) -> dict[str, object]:
    binary = emacs()
    out = tmp_path / "out.json"
    home = tmp_path / "home"
    home.mkdir()
    full_env = server_path_env({"AGENTLS_EL_DIR": str(EDITORS / "emacs"), "TASK": task,
                                "FILE": str(file), "OUT": str(out), "HOME": str(home), **env})
    return run_driver("emacs", [binary, "--batch", "-l", str(DRIVER)], file, out, full_env)


def test_agent_file_diagnostic_and_quick_fix(tmp_path: Path) -> None:
    files = make_workspace(tmp_path)
    result = run_emacs(tmp_path, files["agent"], "fix", ACTION=FIX_TITLE)

    assert result["mode"] == "markdown-mode"
    assert result["server"] == "agentls"
    (diag,) = result["diagnostics"]
    assert diag["line"] == 3 and diag["type"] == "eglot-warning"
    assert diag["text"].startswith("agentls [AG005]: ") and "lenient retry" in diag["text"]
    assert any(FIX_TITLE in title for title in result["menu"])
    after = str(result["after"]).split("\n")
    assert after[2] == AGENT_FIXED_LINE
    assert files["agent"].read_text().split("\n")[2] == AGENT_FIXED_LINE  # saved
    assert not [d for d in result["diagnostics_after"] if "AG005" in d["text"]]


def test_pattern_hover_in_python(tmp_path: Path) -> None:
    if reason := feature_missing("agentls.lsp.patterns_features"):
        pytest.skip(reason)
    files = make_workspace(tmp_path)
    result = run_emacs(tmp_path, files["module"], "hover",
                       LINE=str(PYTHON_CLASS_LINE + 1), COL=str(PYTHON_CLASS_COL))
    assert result["mode"] == "python-mode"
    assert "singleton" in str(result["hover"]).lower(), result["hover"]
