"""`agentls patterns` run as a subprocess, as users run it."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.conftest import AGENTLS

ROOT = Path(__file__).resolve().parents[2]
POSITIVES = ROOT / "tests" / "fixtures" / "patterns" / "positives"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*AGENTLS, "patterns", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_json_lists_detections_with_relative_paths_and_1_based_lines(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "strategy.py").write_text((POSITIVES / "strategy.py").read_text())
    result = run("pkg", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    cart = next(r for r in rows if r["symbol"] == "Cart")
    assert cart["path"] == "pkg/strategy.py"
    assert (cart["pattern"], cart["role"], cart["kind"]) == ("strategy", "context", "class")
    source_line = (tmp_path / "pkg" / "strategy.py").read_text().splitlines()[cart["line"] - 1]
    assert source_line.startswith("class Cart")
    assert cart["end_line"] > cart["line"]
    assert cart["evidence"] and all({"line", "reason"} <= set(e) for e in cart["evidence"])
    assert set(cart) == {"path", "symbol", "kind", "line", "end_line", "pattern", "role", "confidence", "evidence",
                         "participants"}


def test_text_format_and_min_confidence(tmp_path: Path) -> None:
    src = tmp_path / "iter.py"
    src.write_text((POSITIVES / "iterator.py").read_text())
    text = run(str(src.name), cwd=tmp_path)
    assert text.returncode == 0
    assert "Countdown plays iterator/iterator" in text.stdout
    strict = run(str(src.name), "--format", "json", "--min-confidence", "0.95", cwd=tmp_path)
    assert json.loads(strict.stdout) == []


def test_walks_folders_skipping_virtualenvs_and_hidden(tmp_path: Path) -> None:
    for folder in (".venv/lib", ".hidden", "node_modules/x", "src"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "m.py").write_text((POSITIVES / "singleton.py").read_text())
    rows = json.loads(run(".", "--format", "json", cwd=tmp_path).stdout)
    assert {r["path"] for r in rows} == {"src/m.py"}


def test_decodes_files_as_python_does(tmp_path: Path) -> None:
    body = "# -*- coding: latin-1 -*-\n# caf\xe9\n" + (POSITIVES / "borg.py").read_text()
    (tmp_path / "legacy.py").write_bytes(body.encode("latin-1"))
    (tmp_path / "bom.py").write_bytes(b"\xef\xbb\xbf" + (POSITIVES / "borg.py").read_bytes())
    rows = json.loads(run(".", "--format", "json", cwd=tmp_path).stdout)
    assert {r["path"] for r in rows if r["pattern"] == "borg"} == {"legacy.py", "bom.py"}


def test_usage_and_io_errors_exit_2(tmp_path: Path) -> None:
    assert run("missing.py", cwd=tmp_path).returncode == 2
    assert run(".", "--format", "xml", cwd=tmp_path).returncode == 2
    assert run(".", "--min-confidence", "2", cwd=tmp_path).returncode == 2


def test_broken_files_are_analysed_as_far_as_they_parse(tmp_path: Path) -> None:
    (tmp_path / "half.py").write_text((POSITIVES / "strategy.py").read_text() + "\ndef oops(:\n")
    result = run("half.py", cwd=tmp_path)
    assert result.returncode == 0
    assert "Cart plays strategy/context" in result.stdout
    assert "syntax error" in result.stderr
