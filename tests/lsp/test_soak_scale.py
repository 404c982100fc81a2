"""The soak and monorepo benches in a reduced size, as CI runs them (3,000 edits; 1,000
modules and 500 agent files; the full sizes are run by hand and quoted in
docs/benchmarks.md). Each bench drives real ``agentls serve`` processes over stdio and exits
non-zero when what it checks fails: a crash or a traceback, diagnostics that differ from a
fresh server's, RSS growth past 50 MB, an index that does not converge after a branch
switch, a cancelled indexing that does not stop. Timings are printed, never asserted."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench"


def run(script: str, *args: str, work: Path) -> str:
    proc = subprocess.run([sys.executable, str(BENCH / script), *args, "--work", str(work)],
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-4000:]
    return proc.stdout


def test_soak_3000_edits(tmp_path: Path) -> None:
    out = run("soak.py", "--edits", "3000", "--report", "1000", "--verify", "1000",
              "--paste-every", "1500", work=tmp_path)
    assert "crashes: none; fresh-server checks: 3, mismatches: 0" in out
    assert out.rstrip().endswith("soak: PASS")


def test_monorepo_1000_modules(tmp_path: Path) -> None:
    out = run("scale.py", "--sizes", "300,1000", "--agents", "500", work=tmp_path)
    assert "converged with a fresh server on the switched tree: True" in out
    assert "publishes per open document: mod_00050.py 1, agent-001.md 1" in out
    assert out.rstrip().endswith("scale: PASS")
