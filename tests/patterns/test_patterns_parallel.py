"""`agentls patterns` with worker processes prints what one process prints.

With enough files (``batch.MIN_FILES_PER_RUN``) the CLI shares the indexing with forked
workers and splits the analysis between processes by detector, then merges each module's
findings; the output must not depend on that. Run as users run it, as a subprocess.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from tests.conftest import AGENTLS

from agentls.patterns.batch import MIN_FILES_PER_RUN

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "patterns"


def patterns_json(cwd: Path, jobs: int, *extra: str) -> str:
    result = subprocess.run(
        [*AGENTLS, "patterns", "--format", "json", "--jobs", str(jobs), *extra, "."],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_two_processes_print_byte_for_byte_what_one_prints(tmp_path: Path) -> None:
    # Every labelled fixture folder, twice (two packages): cross-module roles, several
    # detectors per module, smells, well over the file count that turns the workers on.
    for copy in ("one", "two"):
        for folder in ("positives", "project", "hexagonal", "traps"):
            shutil.copytree(FIXTURES / folder, tmp_path / copy / folder)
    assert sum(1 for _ in tmp_path.rglob("*.py")) >= MIN_FILES_PER_RUN
    serial = patterns_json(tmp_path, 1)
    rows = json.loads(serial)
    assert len({r["pattern"] for r in rows}) >= 20  # a real mix of detectors, not an empty list
    assert patterns_json(tmp_path, 2) == serial
    assert patterns_json(tmp_path, 2, "--no-smells") == patterns_json(tmp_path, 1, "--no-smells")
