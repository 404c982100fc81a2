"""Same output before and after an engine change: `agentls patterns --format json` over Django
+ SQLAlchemy (the speed bench's corpus, bench/.work/src) must be byte-identical.

    python bench/patterns_same_output.py [--before REV] [--jobs 1,2] [--corpus]

Others edit detectors and settings while the engine is optimised, so "before" is not a stored
file: both sides are copies of this working tree made at the same moment
(bench/.work/same-output/), and "before" has its engine files (every module directly in
``server/agentls/patterns``: the program-wide analysis, the index, the workers; and the CLI
command, ``CLI``) taken from git revision ``--before``
(default ``HEAD``). Only the engine differs. Each side runs as a whole process over the same
files, once per ``--jobs`` value (one process, and the parallel path), through ``DRIVER``:
what `agentls patterns --format json` does with default settings (``collect``, ``as_json``,
the same ``json.dump``), so that an old command module still runs beside newer settings
code. The real command runs too on the after side and must print the same bytes.
``--corpus`` also compares ``python bench/patterns_corpus.py --split tuning`` (the tuning
half only). ``--whole`` takes every file of ``server/agentls/patterns`` at ``--before``, the
detectors too (for a refactor of them; the tree must then carry no one else's detector
edits). Exit 1 on any difference, with the first differing lines.
"""

from __future__ import annotations

import argparse
import difflib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / ".work"
SRC = WORK / "src"

# The files the engine's speed work touches (detectors are not in it: both sides use the
# working tree's detectors, so their concurrent edits cancel out).
CLI = "server/agentls/cli/patterns_cmd.py"
PATTERNS = "server/agentls/patterns"


DRIVER = """
import json, sys
from agentls.cli.patterns_cmd import as_json, collect
results, errors = collect(sys.argv[2:], jobs=int(sys.argv[1]))
rows = [(path, d) for path, dets, _ in results for d in dets if d.confidence >= 0.5]
json.dump([as_json(path, d) for path, d in rows], sys.stdout, indent=2, ensure_ascii=False)
sys.stdout.write("\\n")
"""


def snapshot(name: str, rev: str | None, whole: bool = False) -> Path:
    """bench/.work/same-output/<name>: server/ and bench/ of this working tree as they are now
    (others keep editing the tree: both sides are copied at the same moment), with the
    engine's files at ``rev`` (None: as in the working tree); with ``whole``, every file of
    ``server/agentls/patterns`` (detectors included), for a change to the detectors. One
    folder per process, so that runs side by side do not overwrite each other."""
    dest = WORK / "same-output" / f"{os.getpid()}" / name
    if dest.exists():
        shutil.rmtree(dest)
    for part in ("server", "bench"):
        shutil.copytree(ROOT / part, dest / part, ignore=shutil.ignore_patterns("__pycache__", ".work", "*.pyc"))
    engine: list[str] = []
    if rev:
        # the engine's files at ``rev``, and the ones added since (taken out); a new module
        # is part of the engine as soon as it exists, so the list is never written by hand
        tree = ["git", "ls-tree", "--name-only"] + (["-r"] if whole else []) + [rev, "--", f"{PATTERNS}/"]
        listed = subprocess.run(tree, cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
        files = (dest / PATTERNS).rglob("*.py") if whole else (dest / PATTERNS).glob("*.py")
        here = [str(f.relative_to(dest)) for f in files]
        engine = sorted({*(f for f in listed if f.endswith(".py")), *here, CLI})
    for rel in engine:
        target = dest / rel
        shown = subprocess.run(["git", "show", f"{rev}:{rel}"], cwd=ROOT, capture_output=True)
        if shown.returncode == 0:
            target.write_bytes(shown.stdout)
        elif target.exists():
            target.unlink()
    (dest / "bench" / ".work").symlink_to(WORK)  # the corpus sources, unpacked once
    return dest


def run_patterns(server: Path, jobs: int, cli: bool = False) -> bytes:
    env = {**os.environ, "PYTHONPATH": str(server)}
    paths = [str(p) for p in sorted(SRC.iterdir())]
    if cli:
        cmd = [sys.executable, "-m", "agentls", "patterns", "--format", "json", "--jobs", str(jobs), *paths]
    else:
        cmd = [sys.executable, "-c", DRIVER, str(jobs), *paths]
    return subprocess.run(cmd, env=env, cwd=ROOT, check=True, capture_output=True).stdout


def run_corpus(root: Path) -> bytes:
    env = {**os.environ, "PYTHONPATH": str(root / "server")}
    cmd = [sys.executable, str(root / "bench" / "patterns_corpus.py"), "--split", "tuning"]
    out = subprocess.run(cmd, env=env, cwd=ROOT, check=True, capture_output=True).stdout
    return out


def same(label: str, a: bytes, b: bytes) -> bool:
    if a == b:
        print(f"{label}: identical ({len(a):,} bytes)")
        return True
    diff = difflib.unified_diff(
        a.decode().splitlines(), b.decode().splitlines(), "before", "after", lineterm="", n=1
    )
    print(f"{label}: DIFFERENT")
    for n, line in enumerate(diff):
        if n >= 40:
            break
        print("   ", line)
    return False


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--before", default="HEAD", help="git revision of the engine's files before (default HEAD)")
    parser.add_argument("--jobs", default="1,2", help="process counts to compare (default 1,2)")
    parser.add_argument("--corpus", action="store_true", help="also compare patterns_corpus.py --split tuning")
    parser.add_argument(
        "--whole", action="store_true", help="take every engine file at --before, detectors included (a refactor)"
    )
    args = parser.parse_args()
    if not SRC.exists():
        print("run bench/patterns_speed.py once first (it unpacks Django and SQLAlchemy)")
        return 2
    before, after = snapshot("before", args.before, args.whole), snapshot("after", None)
    reference = run_patterns(before / "server", 1)
    ok = True
    for jobs in [int(j) for j in args.jobs.split(",")]:
        if jobs != 1:
            ok &= same(f"before, {jobs} processes vs 1", reference, run_patterns(before / "server", jobs))
        ok &= same(f"after, {jobs} process(es) vs before", reference, run_patterns(after / "server", jobs))
    try:
        cli = run_patterns(after / "server", 2, cli=True)
        ok &= same("after, the real command (agentls patterns --format json)", reference, cli)
    except subprocess.CalledProcessError as exc:
        print(f"after, the real command: did not run ({exc.stderr.decode().strip().splitlines()[-1]})")
    if args.corpus:
        ok &= same("patterns_corpus.py --split tuning", run_corpus(before), run_corpus(after))
    print("SAME" if ok else "DIFFERENT")
    shutil.rmtree(before.parent)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
