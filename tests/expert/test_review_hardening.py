"""QA: `agentls review --format diff` output applies with `git apply` and `patch`."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest
from tests.conftest import AGENTLS

from agentls.expert.answer import Answer, Suggestion
from agentls.expert.review import diff


def _applies(tmp_path: Path, source: str, suggestion: Suggestion) -> str:
    (tmp_path / "mod.py").write_bytes(source.encode())
    req = SimpleNamespace(source=source, path="mod.py")
    patch = diff(Answer("expert", "model", "summary", [suggestion]), req)  # type: ignore[arg-type]
    (tmp_path / "fix.patch").write_text(patch, newline="")
    r = subprocess.run(["git", "apply", "-v", "fix.patch"], cwd=tmp_path,
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr + patch
    return (tmp_path / "mod.py").read_bytes().decode()


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_diff_of_a_file_without_final_newline_applies(tmp_path: Path) -> None:
    source = "def f():\n    return 1\n\n\ndef g():\n    return 2"
    new = _applies(tmp_path, source, Suggestion("t", "r", "hint", 6, 6, replacement="    return 3"))
    assert new == "def f():\n    return 1\n\n\ndef g():\n    return 3"


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_diff_near_an_untouched_last_line_without_newline_applies(tmp_path: Path) -> None:
    source = "a = 1\nb = 2\nc = 3"
    new = _applies(tmp_path, source, Suggestion("t", "r", "hint", 2, 2, replacement="b = 20\n"))
    assert new == "a = 1\nb = 20\nc = 3"


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_diff_of_a_file_with_form_feeds_applies(tmp_path: Path) -> None:
    source = "import os\n\x0c\ndef f():\n    return 1\n"
    new = _applies(tmp_path, source, Suggestion("t", "r", "hint", 4, 4, replacement="    return 2\n"))
    assert new == "import os\n\x0c\ndef f():\n    return 2\n"


def test_review_rejects_a_reversed_line_range(tmp_path: Path) -> None:
    (tmp_path / "mod.py").write_text("a = 1\nb = 2\nc = 3\n")
    env = {k: v for k, v in os.environ.items() if k != "ANTHROPIC_API_KEY"}
    r = subprocess.run([*AGENTLS, "review", "mod.py", "--lines", "3-1"],
                       cwd=tmp_path, capture_output=True, text=True, timeout=60,
                       env={**env, "XDG_CACHE_HOME": str(tmp_path / "cache")})
    assert r.returncode == 2, r.stdout + r.stderr
    assert "--lines" in r.stderr


def test_local_review_of_a_module_that_does_not_parse_says_so(tmp_path: Path) -> None:
    (tmp_path / "mod.py").write_text("def broken(:\n    pass\n")
    env = {k: v for k, v in os.environ.items() if k != "ANTHROPIC_API_KEY"}
    r = subprocess.run([*AGENTLS, "review", "mod.py"],
                       cwd=tmp_path, capture_output=True, text=True, timeout=60,
                       env={**env, "XDG_CACHE_HOME": str(tmp_path / "cache")})
    assert r.returncode == 0, r.stderr
    assert "does not parse as Python (line 1" in r.stdout
