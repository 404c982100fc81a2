"""``agentls review`` as a subprocess: every format, --lines, the local expert, errors, batches."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import AGENTLS
from tests.expert.fake_anthropic import FakeAnthropic

MODULE = 'def f(a, b):\n    return a + b\n\nTOKEN = "ghp_abcdefghijklmnopqrstuvwxyz0123456789"\n'


def agentls(tmp_path: Path, *args: str, fake: FakeAnthropic | None = None, key: bool = True,
            ) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ANTHROPIC_")}
    env.update(XDG_CACHE_HOME=str(tmp_path / "cache"), HOME=str(tmp_path / "home"))
    if fake is not None:
        env["ANTHROPIC_BASE_URL"] = fake.url
    if key:
        env["ANTHROPIC_API_KEY"] = "cli-key"
    return subprocess.run([*AGENTLS, "review", *args], cwd=tmp_path / "ws", env=env,
                          capture_output=True, text=True, timeout=60)


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    (tmp_path / "ws" / "pkg").mkdir(parents=True)
    (tmp_path / "ws" / "pkg" / "calc.py").write_text(MODULE)
    return tmp_path


def test_text(fake: FakeAnthropic, ws: Path) -> None:
    r = agentls(ws, "pkg/calc.py", "--max-retries", "0", fake=fake)
    assert r.returncode == 0, r.stderr
    assert "pkg/calc.py:1: hint: Rename `f` to `total` [Clarity]" in r.stdout
    assert "python-architect (claude-sonnet-5-5)" in r.stdout
    review = Path(r.stderr.split("review written to ")[1].strip())
    assert review.is_relative_to(ws / "cache" / "agentls") and "## Suggestions (1)" in review.read_text()
    sent = fake.messages()[0]
    assert sent.headers["authorization"] == "Bearer cli-key"
    assert "ghp_" not in json.dumps(sent.body)


def test_json_and_expert_and_model(fake: FakeAnthropic, ws: Path) -> None:
    agents = ws / "ws" / ".claude" / "agents"
    agents.mkdir(parents=True)
    (agents / "ddd.md").write_text("---\nname: ddd-coach\ndescription: DDD.\nmodel: opus\n---\nYou coach DDD.\n")
    r = agentls(ws, "pkg/calc.py", "--format", "json", "--expert", "ddd-coach", fake=fake)
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["expert"] == "ddd-coach" and data["model"] == "claude-opus-5-5" and data["local"] is False
    assert data["masked"] == 1 and data["suggestions"][0]["start_line"] == 1
    assert fake.messages()[0].body["system"][0]["text"] == "You coach DDD."


def test_diff_and_lines(fake: FakeAnthropic, ws: Path) -> None:
    r = agentls(ws, "pkg/calc.py", "--format", "diff", "--lines", "1-2", fake=fake)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("--- a/pkg/calc.py\n+++ b/pkg/calc.py\n")
    assert "-def f(a, b):\n+def total(a, b):\n" in r.stdout
    assert "Refactor lines 1-2" in fake.messages()[0].body["messages"][0]["content"]


def test_local_expert_without_key_never_imports_anthropic_or_pygls(fake: FakeAnthropic, ws: Path) -> None:
    r = agentls(ws, "pkg/calc.py", fake=fake, key=False)
    assert r.returncode == 0 and "local expert" in r.stdout and fake.requests == []
    code = ("import sys; from agentls.cli.main import main; rc = main(['review', 'pkg/calc.py', '--local']); "
            "print('LOADED', 'anthropic' in sys.modules, 'pygls' in sys.modules, file=sys.stderr)")
    env = {**os.environ, "XDG_CACHE_HOME": str(ws / "cache")}
    out = subprocess.run([sys.executable, "-c", code], cwd=ws / "ws", env=env, capture_output=True, text=True)
    assert "LOADED False False" in out.stderr


def test_api_error_exits_1_with_what_to_do(fake: FakeAnthropic, ws: Path) -> None:
    fake.mode = "401"
    r = agentls(ws, "pkg/calc.py", fake=fake)
    assert r.returncode == 1 and "rejected the API key (401)" in r.stderr and "cli-key" not in r.stderr


def test_count_tokens_list_and_clear(fake: FakeAnthropic, ws: Path) -> None:
    r = agentls(ws, "pkg/calc.py", "--count-tokens", fake=fake)
    assert r.returncode == 0 and int(r.stdout) > 0
    assert "python-architect" in agentls(ws, "--list-experts").stdout
    agentls(ws, "pkg/calc.py", fake=fake)
    assert "removed 2 cached file(s)" in agentls(ws, "--clear-cache").stdout


def test_batch_says_count_and_cost_asks_skips_empty_caches_and_writes_md_json_diff(
        fake: FakeAnthropic, ws: Path) -> None:
    (ws / "ws" / "pkg" / "other.py").write_text("def g():\n    return 2\n")
    (ws / "ws" / "pkg" / "broken.py").write_text("x = 1\n")
    (ws / "ws" / "pkg" / "__init__.py").write_text("\n")
    fake.batch_polls = 2
    fake.batch_errors = {"m1"}  # sorted: __init__.py (empty, skipped), broken.py, calc.py, other.py
    asked = agentls(ws, "--batch", "pkg", "--out", str(ws / "out"), fake=fake)  # stdin is no terminal
    assert asked.returncode == 1 and "pass --yes" in asked.stderr and fake.requests == []
    assert "3 request(s) to claude-sonnet-5-5 in one batch: ~" in asked.stderr
    assert "estimated $" in asked.stderr and "at batch prices" in asked.stderr
    assert "skipping pkg/__init__.py: empty module" in asked.stderr
    r = agentls(ws, "--batch", "pkg", "--out", str(ws / "out"), "--poll-interval", "0.05", "--yes", fake=fake)
    assert r.returncode == 1, r.stderr  # one module failed
    assert r.stderr.startswith("agentls review: skipping pkg/__init__.py: empty module\n"
                               "python-architect (bundled) on claude-sonnet-5-5 via http://127.0.0.1:")
    assert "[" in r.stderr and "3/3 ended" in r.stderr
    created = next(x for x in fake.requests if x.path == "/v1/messages/batches")
    assert [q["custom_id"] for q in created.body["requests"]] == ["m1", "m2", "m3"]
    assert all(q["params"]["system"][1]["cache_control"] for q in created.body["requests"])
    assert sorted(p.name for p in (ws / "out").iterdir()) == [
        "pkg__calc.diff", "pkg__calc.json", "pkg__calc.md", "pkg__other.json", "pkg__other.md"]
    assert "-def f(a, b):\n+def total(a, b):\n" in (ws / "out" / "pkg__calc.diff").read_text()
    data = json.loads((ws / "out" / "pkg__calc.json").read_text())
    assert data["path"] == "pkg/calc.py" and data["suggestions"][0]["verified"]
    assert "pkg/broken.py: failed: invalid_request_error" in r.stdout
    # The two answers were cached: a second batch sends only the module that failed.
    fake.batch_errors = set()
    again = agentls(ws, "--batch", "pkg", "--out", str(ws / "out2"), "--poll-interval", "0.05", "--yes", fake=fake)
    assert again.returncode == 0, again.stderr
    assert "1 request(s) to claude-sonnet-5-5 in one batch (2 more answered from the cache)" in again.stderr
    second = [x for x in fake.requests if x.path == "/v1/messages/batches"][1]
    assert [q["custom_id"] for q in second.body["requests"]] == ["m1"]
