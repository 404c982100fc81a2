"""`agentls check --format json` prints the same bytes before and after a change.

Generates the 1,000-file corpus of ``check_vs_agnix.py`` (same generator, same seed) in its own
folder, bench/.work/same-output/, then runs ``python -m agentls check . --format json`` in it
once with this tree's ``server/`` and once with another checkout's (``--before``, default: a
git worktree of ``--rev`` made under bench/.work/ if none is given), and compares stdout and
the exit status. Prints the first differing lines when they differ; exit 1 then.

``--after REV`` checks a committed revision instead of the working tree. ``--changes`` finds,
among the commits from ``--rev`` to ``--after`` (default HEAD) that touch server/agentls, each
one after which the output differs (a binary search over the commits' outputs), with its
subject: which commits meant to change what ``check`` prints.

    python bench/same_output.py [--rev fb62411^] [--before /tmp/before12] [--after REV]
                                [--files 1000] [--changes]
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import io
import os
import random
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
WORK = BENCH / ".work"
PROJECT = WORK / "same-output"

sys.path.insert(0, str(BENCH))
from check_vs_agnix import agent  # noqa: E402 - the corpus generator of the agnix comparison


def generate(count: int) -> None:
    if PROJECT.exists():
        shutil.rmtree(PROJECT)
    agents = PROJECT / ".claude" / "agents"
    agents.mkdir(parents=True)
    rng = random.Random(20260101)  # check_vs_agnix.generate's seed: the same files
    for i in range(count):
        _, text = agent(i, rng)
        (agents / f"agent-{i:04d}.md").write_bytes(text.encode("utf-8"))


def checkout(rev: str) -> Path:
    """A worktree of ``rev`` under bench/.work/ (made once; the main checkout is not touched)."""
    sha = subprocess.run(["git", "rev-parse", "--short", rev], cwd=REPO, check=True,
                         capture_output=True, text=True).stdout.strip()
    tree = WORK / f"tree-{sha}"
    if not (tree / "server" / "agentls").is_dir():
        subprocess.run(["git", "worktree", "add", "--detach", str(tree), sha], cwd=REPO, check=True,
                       capture_output=True)
    return tree


def exported(rev: str) -> Path:
    """server/ of a committed revision, extracted once under bench/.work/trees/ (no checkout)."""
    sha = _git("rev-parse", "--short", rev).strip()
    tree = WORK / "trees" / sha
    if not (tree / "server" / "agentls").is_dir():
        data = subprocess.run(["git", "archive", "--format=tar", sha, "server"], cwd=REPO, check=True,
                              capture_output=True).stdout
        with tarfile.open(fileobj=io.BytesIO(data)) as tar:
            tar.extractall(tree, filter="data")
    return tree


def _git(*argv: str) -> str:
    return subprocess.run(["git", *argv], cwd=REPO, check=True, capture_output=True, text=True).stdout


def changes(rev: str, after: str) -> None:
    """The commits after which the output differs from the commit before."""
    commits = [_git("rev-parse", "--short", rev).strip()]
    commits += _git("log", "--reverse", "--format=%h", f"{rev}..{after}", "--", "server/agentls").split()
    seen: dict[int, str] = {}

    def digest(i: int) -> str:
        if i not in seen:
            code, out, _ = run(exported(commits[i]) / "server")
            seen[i] = hashlib.sha256(out + str(code).encode()).hexdigest()[:12]
        return seen[i]

    found: list[int] = []

    def split(lo: int, hi: int) -> None:
        if digest(lo) == digest(hi):
            return  # no change in between (a change undone later would hide: unlikely here)
        if hi == lo + 1:
            found.append(hi)
            return
        mid = (lo + hi) // 2
        split(lo, mid)
        split(mid, hi)

    split(0, len(commits) - 1)
    print(f"{len(commits) - 1} commits touch server/agentls after {rev}; {len(seen)} runs; "
          f"the output changes after {len(found)}:")
    for i in sorted(found):
        print(f"  {commits[i]} {_git('log', '-1', '--format=%s', commits[i]).strip()[:150]}")


def run(server: Path) -> tuple[int, bytes, float]:
    env = dict(os.environ, PYTHONPATH=str(server))
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "agentls", "check", ".", "--format", "json"],
                          cwd=PROJECT, env=env, capture_output=True, check=False)
    wall = time.perf_counter() - t0
    if done.stderr.strip():
        print(f"stderr ({server}):\n{done.stderr.decode(errors='replace')[:2000]}")
    return done.returncode, done.stdout, wall


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rev", default="fb62411^", help="the 'before' revision (default fb62411^, "
                    "before issue 12)")
    ap.add_argument("--before", type=Path, help="an existing checkout to use as 'before' instead")
    ap.add_argument("--after", help="a committed revision to check instead of the working tree")
    ap.add_argument("--files", type=int, default=1000)
    ap.add_argument("--changes", action="store_true", help="list the commits that change the output")
    args = ap.parse_args()
    generate(args.files)
    if args.changes:
        changes(args.rev, args.after or "HEAD")
        return 0
    before_tree = args.before or checkout(args.rev)
    after_tree = exported(args.after) if args.after else REPO
    runs = {"before": run(before_tree / "server"), "after": run(after_tree / "server")}
    for name, (code, out, wall) in runs.items():
        print(f"{name:<7} exit {code}, {len(out):,} bytes of JSON, {wall:.2f} s "
              f"({before_tree if name == 'before' else after_tree})")
    (code_a, out_a, _), (code_b, out_b, _) = runs["before"], runs["after"]
    if out_a == out_b and code_a == code_b and out_a:
        print(f"identical: {args.files} files, the same {len(out_a):,} bytes and exit status")
        return 0
    print("DIFFERENT" + (f": exit {code_a} before, {code_b} after" if code_a != code_b else ""))
    diff = difflib.unified_diff(out_a.decode(errors="replace").splitlines(),
                                out_b.decode(errors="replace").splitlines(), "before", "after", lineterm="")
    for line in list(diff)[:60]:
        print(line)
    return 1


if __name__ == "__main__":
    sys.exit(main())
