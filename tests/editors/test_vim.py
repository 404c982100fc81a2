"""Vim end-to-end: `vim -es` with ALE (Debian `vim-ale`) and editors/vim/agentls.vim.

The vimrc part of the driver does what the user does (`packadd ale`, `source agentls.vim`);
ALE lints the agent file, `:ALECodeAction` applies the quick fix, `:ALEHover` shows the hover.
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

DRIVER = HERE / "vim_driver.vim"


def vim() -> str:
    binary = os.environ.get("AGENTLS_VIM") or shutil.which("vim")
    if not binary:
        missing("vim not found (Debian: apt-get install vim vim-ale)")
    assert binary
    check = "if empty(globpath(&rtp, 'autoload/ale/linter.vim')) | cquit 1 | endif"
    probe = subprocess.run([binary, "-N", "-u", "NONE", "-i", "NONE", "-n", "-es",
                            "-c", "packadd ale", "-c", check, "-c", "qall!"],
                           capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    if probe.returncode != 0:
        missing(f"ALE is not installed for {binary} (Debian: apt-get install vim-ale)")
    return binary


def run_vim(tmp_path: Path, file: Path, task: str, **env: str) -> dict[str, object]:
    binary = vim()
    out = tmp_path / "out.json"
    home = tmp_path / "home"
    home.mkdir()
    full_env = server_path_env({"AGENTLS_VIM": str(EDITORS / "vim" / "agentls.vim"), "TASK": task,
                                "FILE": str(file), "OUT": str(out), "HOME": str(home), **env})
    return run_driver("vim", [binary, "-N", "-u", str(DRIVER), "-i", "NONE", "-n", "-es"], file,
                      out, full_env)


def test_agent_file_diagnostic_and_quick_fix(tmp_path: Path) -> None:
    files = make_workspace(tmp_path)
    result = run_vim(tmp_path, files["agent"], "fix", ACTION=FIX_TITLE)

    assert result["filetype"] == "markdown"
    assert "agentls" in result["linters"]
    assert result["root"] == str(files["ws"])
    ours = [d for d in result["diagnostics"] if d["linter"] == "agentls"]
    (diag,) = ours
    assert diag["code"] == "AG005" and diag["type"] == "W" and diag["lnum"] == 3
    assert "lenient retry" in diag["text"]
    assert FIX_TITLE in result["menu"]
    assert str(result["after"]).split("\n")[2] == AGENT_FIXED_LINE
    assert not [d for d in result["diagnostics_after"] if d["code"] == "AG005"]


def test_pattern_hover_in_python(tmp_path: Path) -> None:
    if reason := feature_missing("agentls.lsp.patterns_features"):
        pytest.skip(reason)
    files = make_workspace(tmp_path)
    result = run_vim(tmp_path, files["module"], "hover",
                     LINE=str(PYTHON_CLASS_LINE + 1), COL=str(PYTHON_CLASS_COL + 1))
    assert result["filetype"] == "python"
    assert "agentls" in result["linters"]
    assert "singleton" in str(result["hover"]).lower(), result["hover"]
