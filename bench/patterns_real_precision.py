"""Precision of `agentls patterns` on real code nobody here wrote, against hand judgements.

    python bench/patterns_real_precision.py [--min-confidence 0.5] [--verbose]

bench/patterns_real_audit.json holds a sample of detections the engine once reported on the
Django and SQLAlchemy wheels (up to ten per pattern, evenly spread over the sorted list) and on
blinker, injector and transitions, each judged by reading the code: does the class or
function really play that pattern? Entries are keyed by (path inside the wheel, symbol,
pattern); ``verdict`` is the judgement and ``note`` the reason.

The script fetches the wheels (`pip download --no-deps`, once, into bench/.work/), runs the
same analysis as the CLI (Django + SQLAlchemy as one workspace, like patterns_speed.py; each
small project on its own), and prints per pattern: how many audited detections are still
reported, how many of those are true, and the precision. Audited detections no longer reported
are listed as dropped (true ones are lost recall on real code, false ones are fixed). The
sample was drawn before the detectors were tightened, so it measures precision on what the
engine used to over-report; detections it reports now that were never judged are counted as
unjudged, not scored.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / ".work"
AUDIT = ROOT / "bench" / "patterns_real_audit.json"
EXTRA = ("blinker==1.9.0", "injector==0.24.0", "transitions==0.9.3")
sys.path.insert(0, str(ROOT / "server"))
sys.path.insert(0, str(ROOT / "bench"))

from patterns_speed import fetch  # noqa: E402

from agentls.cli.patterns_cmd import collect  # noqa: E402


def fetch_extra() -> list[Path]:
    wheels = WORK / "extra"
    src = wheels / "src"
    wanted = [spec.split("==")[0] for spec in EXTRA]
    if not all(any(wheels.glob(f"{name}-*.whl")) for name in wanted):
        wheels.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-d", str(wheels), *EXTRA], check=True)
    roots = []
    for name in wanted:
        whl = next(wheels.glob(f"{name}-*.whl"))
        root = src / whl.name[:-4]
        if not root.exists():
            with zipfile.ZipFile(whl) as z:
                z.extractall(root)
        roots.append(root)
    return roots


def run(roots: list[Path], packages: list[str], min_conf: float) -> set[tuple[str, str, str]]:
    """(path inside the wheel, symbol, pattern) of every detection, one workspace for all roots."""
    here = os.getcwd()
    base = roots[0].parent
    os.chdir(base)
    try:
        paths = [str((r / p).relative_to(base)) for r, p in zip(roots, packages, strict=True)]
        results, _ = collect(paths)
    finally:
        os.chdir(here)
    out = set()
    for shown, detections, _ in results:
        in_wheel = shown.split(os.sep, 1)[1].replace(os.sep, "/")
        for d in detections:
            if d.confidence >= min_conf:
                out.add((in_wheel, d.symbol, d.pattern))
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--min-confidence", type=float, default=0.5)
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args()
    audit = json.loads(AUDIT.read_text())
    src = fetch()
    big = sorted(p for p in src.iterdir() if p.is_dir())
    found = run(big, [p.name.split("-")[0] for p in big], args.min_confidence)
    for root in fetch_extra():
        found |= run([root], [root.name.split("-")[0]], args.min_confidence)

    rows: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    dropped: list[dict[str, object]] = []
    for e in audit:
        r = rows[e["pattern"]]
        r["judged"] += 1
        r["true_judged"] += bool(e["verdict"])
        if (e["path"], e["symbol"], e["pattern"]) in found:
            r["reported"] += 1
            r["tp"] += bool(e["verdict"])
        else:
            dropped.append(e)
    print(f"{'pattern':<26}{'judged':>7}{'true':>6}{'now':>6}{'TP':>5}{'FP':>5}{'prec':>7}")
    tot = defaultdict(int)
    for pattern in sorted(rows):
        r = rows[pattern]
        fp = r["reported"] - r["tp"]
        prec = f"{r['tp'] / r['reported']:.2f}" if r["reported"] else "   -"
        print(f"{pattern:<26}{r['judged']:>7}{r['true_judged']:>6}{r['reported']:>6}{r['tp']:>5}{fp:>5}{prec:>7}")
        for k in ("judged", "true_judged", "reported", "tp"):
            tot[k] += r[k]
    fp = tot["reported"] - tot["tp"]
    before = tot["true_judged"] / tot["judged"]
    after = tot["tp"] / tot["reported"] if tot["reported"] else 1.0
    print(
        f"{'micro':<26}{tot['judged']:>7}{tot['true_judged']:>6}{tot['reported']:>6}{tot['tp']:>5}{fp:>5}{after:>7.2f}"
    )
    print(f"precision when sampled: {before:.2f}; now: {after:.2f}")
    lost = [e for e in dropped if e["verdict"]]
    print(f"dropped: {len(dropped) - len(lost)} false (fixed), {len(lost)} true (lost on real code)")
    if args.verbose:
        for e in dropped:
            print(f"    dropped {'TRUE ' if e['verdict'] else 'false'} {e['pattern']:<24} {e['symbol']}  ({e['path']})")
        audited = {(e["path"], e["symbol"], e["pattern"]) for e in audit}
        files = {e["path"] for e in audit}
        unjudged = sorted(f for f in found if f[0] in files and f not in audited)
        print(f"unjudged detections in the audited files: {len(unjudged)}")
        for f in unjudged:
            print(f"    unjudged {f[2]:<24} {f[1]}  ({f[0]})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
