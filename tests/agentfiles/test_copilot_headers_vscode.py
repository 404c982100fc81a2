"""The Copilot header table (test_copilot_headers.py) against the real VS Code: each header
is opened in code-server (VS Code 1.139, no extension installed) and VS Code's own squiggles
are read. Every header that VS Code reads without complaint (no error or warning squiggle)
must be one the table calls ``ok`` or ``changed``; every one it complains about, ``complains``.

Slow (about two minutes); skipped when code-server, its Node or Chromium is not installed
(see tests/editors/test_vscode.py for how `.ci/editors` installs them).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

from tests.agentfiles.test_copilot_headers import AGENT, CASES, COMPLAINS, INS, PROMPT
from tests.editors.test_vscode import E2E, USER_SETTINGS, free_port, tools

HERE = Path(__file__).resolve().parent
WHERE = {INS: (".github/instructions", ".instructions.md"), PROMPT: (".github/prompts", ".prompt.md"),
         AGENT: (".github/agents", ".agent.md")}


def test_vscode_agrees_with_the_table(tmp_path: Path) -> None:
    t = tools()
    ws = tmp_path / "ws"
    files: dict[str, int] = {}
    for i, (header, dialect, _verdict, _why) in enumerate(CASES):
        folder, suffix = WHERE[dialect]
        rel = f"{folder}/h{i:02}{suffix}"
        (ws / folder).mkdir(parents=True, exist_ok=True)
        (ws / rel).write_text(f"---\n{header}\n---\nBody\n", encoding="utf-8")
        files[rel] = i
    profile = tmp_path / "profile"
    (profile / "user" / "User").mkdir(parents=True)
    (profile / "ext").mkdir()
    # VS Code validates prompt files only while its chat features are on.
    (profile / "user" / "User" / "settings.json").write_text(
        json.dumps({**USER_SETTINGS, "chat.disableAIFeatures": False}), encoding="utf-8")
    port = free_port()
    env = {**os.environ, "PATH": f"{t['node24']}{os.pathsep}{os.environ.get('PATH', '')}"}
    with (tmp_path / "cs.log").open("w") as log:
        cs = subprocess.Popen(
            [str(t["code_server"]), "--config", str(profile / "config.yaml"), "--bind-addr",
             f"127.0.0.1:{port}", "--auth", "none", "--user-data-dir", str(profile / "user"),
             "--extensions-dir", str(profile / "ext"), "--disable-telemetry", "--disable-update-check",
             "--disable-workspace-trust", "--reconnection-grace-time", "5"],
            env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2).read()
                    break
                except OSError:
                    assert time.monotonic() < deadline and cs.poll() is None, "code-server did not start"
                    time.sleep(0.2)
            result_file = tmp_path / "result.json"
            run = subprocess.run(
                [str(t["node24"] / "node"), str(HERE / "vscode_headers.js")], capture_output=True,
                text=True, timeout=600,
                env={**env, "CS_URL": f"http://127.0.0.1:{port}/?folder={ws}", "RESULT": str(result_file),
                     "FILES": json.dumps(list(files)), "CHROME": str(t["chrome"]),
                     "PLAYWRIGHT": str(E2E / "node_modules" / "playwright-core")})
        finally:
            os.killpg(cs.pid, signal.SIGTERM)
            try:
                cs.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(cs.pid, signal.SIGKILL)
    assert run.returncode == 0, run.stderr[-3000:]
    seen = json.loads(result_file.read_text())
    assert set(seen) == set(files)
    wrong = []
    for rel, i in files.items():
        header, _dialect, verdict, why = CASES[i]
        complains = seen[rel]["error"] + seen[rel]["warning"] > 0
        if complains != (verdict == COMPLAINS):
            wrong.append((i, header, verdict, why, seen[rel]))
    assert not wrong, "VS Code disagrees with the table:\n" + "\n".join(map(str, wrong))
