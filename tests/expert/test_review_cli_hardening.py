"""QA regressions: `agentls review` on things that are not one Python module."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from tests.conftest import AGENTLS


def review(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ANTHROPIC_")}
    env.update(XDG_CACHE_HOME=str(tmp_path / "cache"), HOME=str(tmp_path / "home"))
    return subprocess.run([*AGENTLS, "review", "--local", *args], cwd=tmp_path,
                          env=env, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize(("name", "text"), [("notes.txt", "hello world\n"), ("agent.md", "---\nname: a\n---\n")])
def test_non_python_file_is_a_usage_error(tmp_path: Path, name: str, text: str) -> None:
    (tmp_path / name).write_text(text)
    out = review(tmp_path, name)
    assert out.returncode == 2, out.stdout
    assert "not a Python module" in out.stderr and not out.stdout


def test_python_script_without_suffix_is_reviewed(tmp_path: Path) -> None:
    (tmp_path / "tool").write_text("#!/usr/bin/env python3\nprint('hi')\n")
    assert review(tmp_path, "tool").returncode == 0


def test_folder_is_a_usage_error_that_points_at_batch(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    out = review(tmp_path, "pkg")
    assert out.returncode == 2 and "--batch" in out.stderr


def test_lines_past_the_end_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text("x = 1\ny = 2\n")
    out = review(tmp_path, "m.py", "--lines", "5-9")
    assert out.returncode == 2 and "2 line" in out.stderr
    assert review(tmp_path, "m.py", "--lines", "2-9").returncode == 0  # an end past the last line is clamped


def test_batch_skips_a_named_non_python_file(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello\n")
    (tmp_path / "m.py").write_text("x = 1\n")
    out = review(tmp_path, "--batch", "notes.txt", "m.py", "--out", str(tmp_path / "out"))
    assert out.returncode == 0, out.stderr
    assert "skipping notes.txt: not a Python module" in out.stderr
    assert "notes" not in out.stdout and "m.py" in out.stdout
