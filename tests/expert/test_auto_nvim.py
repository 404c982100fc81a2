"""expert.auto in a real client: Neovim 0.11 (vim.lsp.enable, editors/neovim) shows the code
lens above a function with a suggestion from the save, and runs its Dismiss command."""

from __future__ import annotations

from pathlib import Path

from tests.editors.helpers import fake_anthropic, make_workspace, run_driver, server_path_env
from tests.editors.test_neovim import nvim_011

EDITOR_DIR = Path(__file__).resolve().parents[2] / "editors" / "neovim"
DRIVER = Path(__file__).resolve().parent / "auto_nvim_driver.lua"
MODULE = "def f(a, b):\n    return a + b\n\n\nprint(f(1, 2))\n"


def test_neovim_shows_the_code_lens_and_runs_dismiss(tmp_path: Path) -> None:
    binary = nvim_011()
    fake = fake_anthropic()
    try:
        fake.tool_input = {"summary": "s", "suggestions": [{
            "title": "Rename `f` to `total`", "rationale": "Names should say what they hold.", "severity": "info",
            "start_line": 1, "end_line": 2, "original": "def f(a, b):\n    return a + b  # sum\n",
            "replacement": "def total(a, b):\n    return a + b\n\n\nf = total\n"}]}
        ws = make_workspace(tmp_path)["ws"]
        module = ws / "calc.py"
        module.write_text(MODULE, encoding="utf-8")
        out, xdg = tmp_path / "out.json", tmp_path / "xdg"
        env = server_path_env({
            "EDITOR_DIR": str(EDITOR_DIR), "FILE": str(module), "OUT": str(out), "EXPERT_KEY": "sk-ant-test-auto",
            "ANTHROPIC_BASE_URL": fake.url, "HOME": str(tmp_path / "home"),
            **{f"XDG_{k}_HOME": str(xdg / k.lower()) for k in ("CONFIG", "STATE", "CACHE", "DATA")}})
        result = run_driver("nvim", [binary, "--headless", "-n", "-i", "NONE", "-u", str(DRIVER), "-c", "cquit 3"],
                            module, out, env, stdin=None)
        received = fake.messages()
    finally:
        fake.close()
    (asked,) = result["asked"]  # the first send asked, saying what goes where
    assert "`f`" in asked and "input tokens" in asked
    (sent,) = received  # one save, one changed function, one request
    assert "The function `f` (lines 1-2)" in sent.body["messages"][0]["content"]
    assert [d.split(":")[0] for d in result["diagnostics"]] == ["Rename `f` to `total`"]
    assert result["lenses"] == [{"line": 0, "title": t} for t in ("agentls: 1 suggestion", "Show", "Apply",
                                                                   "Dismiss")]
    assert "Dismiss" in result["menu"] and result["after"] == []
    assert module.read_text(encoding="utf-8").startswith("def f(a, b):\n    return a + b  # sum\n")
