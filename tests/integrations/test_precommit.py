"""pre-commit: the hooks in .pre-commit-hooks.yaml, run by `pre-commit try-repo` on a fixture repo.

`try-repo` installs agentls from this repository (at HEAD plus its uncommitted changes to
tracked files) into pre-commit's own virtualenv, as a user's `.pre-commit-config.yaml` would,
and runs the hook on a temporary git repository: it fails on a broken agent, passes once fixed.
try-repo builds the hook's virtualenv on every call (a fresh store each time), so the session
first puts agentls and its dependencies into a wheelhouse once (conftest.py), and each call
installs from it offline (PIP_NO_INDEX, PIP_FIND_LINKS).
AGENTLS_TRY_REPO names another checkout to try (a clean clone, say, while untracked work sits
in this one: try-repo takes tracked files only).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.integrations.helpers import ROOT, source

BROKEN = "---\ndescription: Reviews code\ntools: [Read\n---\nBody\n"  # no name, a broken list
FIXED = "---\nname: reviewer\ndescription: Reviews code\ntools: Read, Grep\n---\nBody\n"
GOD_CLASS = ROOT / "tests" / "fixtures" / "patterns" / "positives" / "god_class.py"


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args], cwd=repo,
                   check=True, capture_output=True, text=True)


def fixture_repo(root: Path, files: dict[str, str]) -> Path:
    repo = root / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "fixture")
    return repo


def try_repo(repo: Path, hook: str, wheels: Path) -> subprocess.CompletedProcess[str]:
    if not (Path(source()) / ".git").exists():
        pytest.skip("try-repo needs a git checkout of agentls")
    env = {**os.environ, "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-home"),
           "PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(wheels)}
    env.pop("ANTHROPIC_API_KEY", None)
    pre_commit = Path(sys.executable).parent / "pre-commit"
    assert pre_commit.exists(), "pre-commit is not installed: pip install -e '.[test]'"
    return subprocess.run([str(pre_commit), "try-repo", source(), hook,
                           "--all-files", "--color", "never"],
                          cwd=repo, env=env, capture_output=True, text=True, timeout=600)


def test_agentls_check_hook_fails_on_a_broken_agent_and_passes_once_fixed(tmp_path: Path,
                                                                          wheelhouse: Path) -> None:
    repo = fixture_repo(tmp_path, {".claude/agents/reviewer.md": BROKEN, "README.md": "# demo\n",
                                   "notes/plan.md": "---\nname: [\n---\n"})  # not an agent file: skipped
    broken = try_repo(repo, "agentls-check", wheelhouse)
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert "agentls check (agent definition files)" in broken.stdout and "Failed" in broken.stdout
    assert ".claude/agents/reviewer.md:1:1: error AG100" in broken.stdout
    assert "notes/plan.md" not in broken.stdout

    (repo / ".claude" / "agents" / "reviewer.md").write_text(FIXED, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "fix the agent")
    fixed = try_repo(repo, "agentls-check", wheelhouse)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert "Passed" in fixed.stdout


def test_agentls_patterns_smells_hook_is_opt_in_and_fails_on_a_god_class(tmp_path: Path,
                                                                         wheelhouse: Path) -> None:
    repo = fixture_repo(tmp_path, {"shop/desk.py": GOD_CLASS.read_text(encoding="utf-8"),
                                   "shop/config.py": "class Config:\n    pass\n"})
    smelly = try_repo(repo, "agentls-patterns-smells", wheelhouse)
    assert smelly.returncode == 1, smelly.stdout + smelly.stderr
    assert "shop/desk.py:7: OrderDesk plays god_class/god_class" in smelly.stdout
    assert "shop/config.py" not in smelly.stdout  # patterns are not smells: not reported
