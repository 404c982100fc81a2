"""``agentls check`` as a subprocess: formats, exit codes, fixes, configuration."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import AGENTLS

RESCUED = ('---\nname: reviewer\ndescription: Use it. Examples: <example>Context: x '
           'user: "hi"</example>\n---\nYou review code.\n')
BROKEN = '---\nname: broken\ndescription: "oops\n---\nBody\n'
CLEAN = "---\nname: fine\ndescription: Reviews code.\n---\nBody\n"


def agentls(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*AGENTLS, *args], cwd=cwd, text=True,
                          capture_output=True, timeout=60)


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    agents = tmp_path / ".claude" / "agents"
    agents.mkdir(parents=True)
    (agents / "reviewer.md").write_text(RESCUED)
    (agents / "broken.md").write_text(BROKEN)
    (agents / "fine.md").write_text(CLEAN)
    return tmp_path


def test_default_paths_text_format_and_exit_code(ws: Path) -> None:
    r = agentls("check", cwd=ws)
    assert r.returncode == 1, r.stderr
    assert ".claude/agents/broken.md:3:" in r.stdout and "error AG003" in r.stdout
    assert ".claude/agents/reviewer.md:3:14: warning AG005" in r.stdout
    assert "broken.md: will not be loaded" in r.stdout
    assert "fine.md:" not in r.stdout


def test_json_format(ws: Path) -> None:
    r = agentls("check", ".claude/agents/reviewer.md", "--format", "json", cwd=ws)
    assert r.returncode == 0, r.stderr  # a warning does not fail by default
    items = json.loads(r.stdout)
    (item,) = [i for i in items if i["code"] == "AG005"]
    assert item["path"] == ".claude/agents/reviewer.md"
    assert (item["line"], item["column"], item["end_line"]) == (3, 14, 3)
    assert item["end_column"] == len(RESCUED.splitlines()[2]) + 1
    assert item["severity"] == "warning"
    assert item["fix"]["edits"][0]["new_text"].startswith('"Use it.')


def test_sarif_format(ws: Path) -> None:
    r = agentls("check", "--format", "sarif", cwd=ws)
    sarif = json.loads(r.stdout)
    run = sarif["runs"][0]
    assert sarif["version"] == "2.1.0" and run["columnKind"] == "unicodeCodePoints"
    ids = {rule["id"] for rule in run["tool"]["driver"]["rules"]}
    assert {"AG003", "AG005"} <= ids
    by_rule = {res["ruleId"]: res for res in run["results"]}
    assert by_rule["AG003"]["level"] == "error"
    assert by_rule["AG005"]["fixes"][0]["artifactChanges"][0]["replacements"]
    region = by_rule["AG005"]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (3, 14)


def test_github_format(ws: Path) -> None:
    r = agentls("check", "--format", "github", cwd=ws)
    lines = r.stdout.splitlines()
    assert any(line.startswith("::error file=.claude/agents/broken.md,line=3,") for line in lines)
    assert any(line.startswith("::warning file=.claude/agents/reviewer.md,line=3,col=14,")
               and "title=AG005::" in line for line in lines)


def test_fail_on_select_ignore(ws: Path) -> None:
    assert agentls("check", "--fail-on", "warning", ".claude/agents/reviewer.md", cwd=ws).returncode == 1
    assert agentls("check", "--fail-on", "never", cwd=ws).returncode == 0
    r = agentls("check", "--ignore", "AG003", "--format", "json", cwd=ws)
    assert "AG003" not in {i["code"] for i in json.loads(r.stdout)}
    r = agentls("check", "--select", "AG003", "--format", "json", cwd=ws)
    assert {i["code"] for i in json.loads(r.stdout)} == {"AG003"}


def test_fix_rewrites_in_place_and_loads_the_same_text(ws: Path) -> None:
    target = ws / ".claude" / "agents" / "reviewer.md"
    r = agentls("check", "--fix", str(target), cwd=ws)
    assert r.returncode == 0, r.stderr
    fixed = target.read_text()
    assert 'description: "Use it. Examples: <example>Context: x user: \\"hi\\"</example>"' in fixed
    import yaml  # the strict parser that rejected it before

    block = fixed.split("---\n")[1]
    assert yaml.safe_load(block)["description"] == 'Use it. Examples: <example>Context: x user: "hi"</example>'
    again = agentls("check", "--format", "json", str(target), cwd=ws)
    assert "AG005" not in {i["code"] for i in json.loads(again.stdout)}


def test_usage_and_io_errors_exit_2(ws: Path) -> None:
    r = agentls("check", "missing.md", cwd=ws)
    assert r.returncode == 2 and "no such file" in r.stderr
    r = agentls("check", "--format", "xml", cwd=ws)
    assert r.returncode == 2


def test_config_in_pyproject(ws: Path) -> None:
    (ws / "pyproject.toml").write_text('[tool.agentls]\nignore = ["AG005"]\nfail-on = "warning"\n')
    r = agentls("check", "--format", "json", cwd=ws)
    codes = {i["code"] for i in json.loads(r.stdout)}
    assert "AG005" not in codes and "AG003" in codes
    (ws / "pyproject.toml").write_text('[tool.agentls]\nfail-on = "loud"\n')
    assert agentls("check", cwd=ws).returncode == 2


def test_dialect_flag_reads_any_path_as_that_dialect(tmp_path: Path) -> None:
    f = tmp_path / "notes.md"
    f.write_text("---\ndescription: x\n---\nBody\n")
    r = agentls("check", "--dialect", "claude-agent", "--format", "json", str(f), cwd=tmp_path)
    assert r.returncode == 1  # no name: Claude Code skips a subagent without one
    r = agentls("check", "--dialect", "copilot-agent", "--format", "json", str(f), cwd=tmp_path)
    assert r.returncode == 0, r.stdout


def test_in_file_suppression(tmp_path: Path) -> None:
    agents = tmp_path / ".claude" / "agents"
    agents.mkdir(parents=True)
    text = RESCUED.replace("---\nname", "---\n# agentls: disable-file=AG005\nname", 1)
    (agents / "a.md").write_text(text)
    r = agentls("check", "--format", "json", cwd=tmp_path)
    assert "AG005" not in {i["code"] for i in json.loads(r.stdout)}


def test_check_path_imports_neither_pygls_nor_anthropic(ws: Path) -> None:
    code = ("import sys, runpy; sys.argv=['agentls','check','--fail-on','never'];\n"
            "try:\n    runpy.run_module('agentls', run_name='__main__')\n"
            "except SystemExit: pass\n"
            "bad=[m for m in sys.modules if m.split('.')[0] in ('pygls','lsprotocol','anthropic')]\n"
            "print('LOADED', bad)")
    r = subprocess.run([sys.executable, "-c", code], cwd=ws, text=True, capture_output=True, timeout=60)
    assert "LOADED []" in r.stdout, r.stdout + r.stderr


def test_version() -> None:
    r = agentls("--version", cwd=Path.cwd())
    assert r.returncode == 0 and r.stdout.startswith("agentls ")
