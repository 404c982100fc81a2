"""Crash safety in the real VS Code (code-server + Playwright, `editors/vscode/e2e/run.js`
MODE=restart): the language server killed with SIGKILL while an agent file is open comes back
by itself, with the same problems.

The extension keeps vscode-languageclient's default error handler, with its restart count
spelled out (`connectionOptions.maxRestartCount: 4`): a server that dies is started again, up
to 4 times in 3 minutes (the 5th crash within 3 minutes stops it, with a message). On a
restart the client drops the dead server's diagnostics before it starts the new process, so
the problems shown once a new process exists are the new server's.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from tests.editors.helpers import make_workspace
from tests.editors.test_vscode import Session, _agentls_on_login_path, screenshots, vsix

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

KILLS = 2  # twice: the restart is not a one-off (the default allows 4 in 3 minutes)


def test_vscode_restarts_a_killed_server_with_the_same_problems(tmp_path: Path) -> None:
    package = vsix()
    files = make_workspace(tmp_path)
    agent_text = files["agent"].read_text(encoding="utf-8")
    mark = uuid.uuid4().hex  # finds this session's servers among everyone else's
    env = {**_agentls_on_login_path(tmp_path), "AGENTLS_E2E_MARK": mark}
    session = Session(tmp_path, {}, env)
    session.install(package)
    _, result = session.drive(files["ws"], screenshots("restart"), "restart",
                              {"MARK": mark, "KILLS": str(KILLS)})

    before = str(result["before"])
    assert "AG005" in before, before
    rounds = result["rounds"]
    assert isinstance(rounds, list) and len(rounds) == KILLS
    killed = {r["killed"] for r in rounds}
    for r in rounds:
        assert r["restartedAs"] and r["killed"] not in r["restartedAs"], r
        assert r["after"] == before, (before, r["after"])
        print(f"killed {r['killed']}: new server after {r['restarted']:.1f} s, problems back after "
              f"{r['problemsBack']:.1f} s")
    assert len(killed) == KILLS  # each round killed the server the previous restart started
    # vscode-languageclient said why it restarted, in the extension's output channel
    log = session.server_log()
    assert log.count("Connection to server got closed. Server will restart.") == KILLS, log[-3000:]
    # nothing was written to the user's file by either server or the restarts
    assert files["agent"].read_text(encoding="utf-8") == agent_text
