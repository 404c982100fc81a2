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
import subprocess
from pathlib import Path

from tests.agentfiles.test_copilot_headers import AGENT, CASES, COMPLAINS, INS, PROMPT
from tests.editors.test_vscode import E2E, Session, tools

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
    # VS Code validates prompt files only while its chat features are on; no extension.
    env = {**os.environ, "PATH": f"{t['node24']}{os.pathsep}{os.environ.get('PATH', '')}"}
    session = Session(tmp_path, {"chat.disableAIFeatures": False}, env)
    result_file = tmp_path / "result.json"
    with session.serving(ws) as url:
        run = subprocess.run(
            [str(t["node24"] / "node"), str(HERE / "vscode_headers.js")], capture_output=True,
            text=True, timeout=600,
            env={**env, "CS_URL": url, "RESULT": str(result_file), "FILES": json.dumps(list(files)),
                 "CHROME": str(t["chrome"]), "PLAYWRIGHT": str(E2E / "node_modules" / "playwright-core")})
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
