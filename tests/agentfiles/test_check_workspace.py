"""``agentls check`` also runs the checks that compare files: a name used twice, a skill or
agent that does not exist, a secret in a prompt (AGW…)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.conftest import AGENTLS


def agentls(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    home = cwd.parent / "home"  # outside the project
    return subprocess.run([*AGENTLS, *args], cwd=cwd, text=True,
                          capture_output=True, timeout=60, env={"HOME": str(home), "PATH": ""})


def test_workspace_checks_in_the_cli(tmp_path: Path) -> None:
    tmp_path = tmp_path / "project"
    agents = tmp_path / ".claude" / "agents"
    (agents / "team").mkdir(parents=True)
    (agents / "a.md").write_text("---\nname: reviewer\ndescription: Reviews.\nskills: [pdf]\n---\nB\n")
    (agents / "team" / "b.md").write_text("---\nname: reviewer\ndescription: Also.\n---\nB\n")
    r = agentls("check", "--format", "json", cwd=tmp_path)
    found = {(i["path"], i["code"]) for i in json.loads(r.stdout)}
    assert (".claude/agents/a.md", "AGW001") in found  # sorts first: the other file wins
    assert (".claude/agents/a.md", "AGW002") in found  # no skill `pdf`
    assert not any(p.endswith("b.md") and c == "AGW001" for p, c in found)
    quiet = agentls("check", "--format", "json", "--no-workspace", cwd=tmp_path)
    assert not [i for i in json.loads(quiet.stdout) if i["code"].startswith("AGW")]
    ignored = agentls("check", "--format", "json", "--ignore", "AGW", cwd=tmp_path)
    assert not [i for i in json.loads(ignored.stdout) if i["code"].startswith("AGW")]


def test_user_folder_only_on_request(tmp_path: Path) -> None:
    skill = tmp_path / "home" / ".claude" / "skills" / "mine"
    tmp_path = tmp_path / "project"
    (tmp_path / ".claude" / "agents").mkdir(parents=True)
    (tmp_path / ".claude" / "agents" / "a.md").write_text(
        "---\nname: a\ndescription: d\nskills: [mine]\n---\nB\n")
    skill.mkdir(parents=True)
    (skill / "SKILL.md").write_text("---\ndescription: My skill.\n---\nB\n")
    codes = [i["code"] for i in json.loads(agentls("check", "--format", "json", cwd=tmp_path).stdout)]
    assert "AGW002" in codes
    codes = [i["code"] for i in json.loads(
        agentls("check", "--format", "json", "--user-folder", cwd=tmp_path).stdout)]
    assert "AGW002" not in codes


def test_secrets_in_bodies_outside_ascii(tmp_path: Path) -> None:
    """Non-ASCII prompts take their own path through the secret scan (``lower()`` can change
    lengths there); each form the case-insensitive keyword matches is still found, once."""
    tmp_path = tmp_path / "project"
    agents = tmp_path / ".claude" / "agents"
    agents.mkdir(parents=True)
    bodies = {
        "plain.md": "Café ☕\nAPI_KEY = \"abcd1234efgh5678ijkl\"\n",
        "overlap.md": "Café ☕\nnote secretoken: a1b2c3d4e5f6g7h8i9\n",  # `token` inside `secretoken`
        "long-s.md": "Café ☕\n\u017fecret=abcd1234efgh5678ijkl\n",  # re.I: long s is an s
        "kelvin.md": "Café ☕\nAPI_\u212aEY: abcd1234efgh5678ijkl\n",  # and the Kelvin sign a k
        "none.md": "Café ☕\ntoken: your-token-here\n",  # no digit: not a secret
    }
    for name, body in bodies.items():
        (agents / name).write_text(f"---\nname: {name[:-3]}\ndescription: d\n---\n{body}",
                                   encoding="utf-8")
    r = agentls("check", "--format", "json", "--select", "AGW007", cwd=tmp_path)
    found = sorted((i["path"].rsplit("/", 1)[-1], i["line"]) for i in json.loads(r.stdout))
    assert found == [("kelvin.md", 6), ("long-s.md", 6), ("overlap.md", 6), ("plain.md", 6)]
