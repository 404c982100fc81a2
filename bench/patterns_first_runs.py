"""First runs: how the pattern engine did on each tuning source *before* anyone tuned on it.

    python bench/patterns_first_runs.py [--min-confidence 0.5] [--only NAME] [--since REV] [--json OUT]
                                        [--calibration] [--calibration-cv]

A tuning source's score today says how well the engine fits code it was tuned on. The honest
estimate of how it does on code nobody tuned it on is its score on each source the day that
source arrived: labelled first, then run once. This script recomputes those first runs from
git, not from memory. For each tuning source of bench/corpus/repos.json it finds the commit
that added the source's labels, checks out the engine as it was just before that commit
(a detached work tree under bench/.work/first-runs/), runs it there as patterns_corpus.py does,
and scores it with today's labels (corrections made since count). It prints, per source, the
engine it ran, the first-run precision and recall beside today's, and the micro averages of
first runs and of today over the same sources; then, per pattern, the first runs' precision and recall
and how often their detections at >= 0.8 were right, and how right each confidence band was
(the basis of the engine's confidence: docs/patterns/index.md). ``--since REV`` keeps the
sources labelled after REV, to see recent engines only. Confidences are the detectors' own:
the ceilings of patterns/calibration.py are switched off in the old engines that had them.
``--calibration-cv`` checks the ceilings by leaving one source out: each source's first-run
detections capped by the ceilings the other sources give, with the estimator of
calibration.py beside the smoothed share used before it (docs/benchmarks.md).

The check half is never run here: its first run is what `patterns_corpus.py --split check`
reports.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from patterns_corpus import CORPUS, Counts, bands, detections, load_labels, prepare, score  # noqa: E402

from agentls.patterns.calibration import FLOOR, ceiling_of  # noqa: E402

TREES = ROOT / "bench" / ".work" / "first-runs"

# Run in a child process with the old engine first on sys.path: the engine of each commit is
# imported there, and patterns_corpus (today's scoring) is imported after it.
_CHILD = """
import json, sys
sys.path.insert(0, sys.argv[1])
import agentls.cli.patterns_cmd as cmd
assert cmd.__file__.startswith(sys.argv[1]), cmd.__file__
import agentls.patterns.analysis as analysis
if hasattr(analysis, "calibrated"):  # the detectors' own confidence, before any ceiling
    analysis.calibrated = lambda d: d
sys.path.insert(0, sys.argv[2])
from pathlib import Path
import patterns_corpus as pc
entries = {e["name"]: e for e in json.loads((pc.CORPUS / "repos.json").read_text())}
out = {}
for name in json.loads(sys.argv[3]):
    src = pc.prepare(entries[name], Path(sys.argv[4]))
    out[name] = pc.detections(src, float(sys.argv[5]))
print(json.dumps(out))
"""


def _git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), *args], check=True, capture_output=True, text=True).stdout


def labels_commit(name: str) -> str | None:
    """The commit that added the source's labels file (None when it is not committed yet)."""
    shas = _git("log", "--diff-filter=A", "--format=%H", "--", f"bench/corpus/labels/{name}.jsonl").split()
    return shas[-1] if shas else None


def engine_tree(commit: str) -> Path:
    """A detached work tree of the parent of ``commit``: the engine its source first met."""
    tree = TREES / commit[:10]
    if not (tree / "server").is_dir():
        TREES.mkdir(parents=True, exist_ok=True)
        subprocess.run(["git", "-C", str(ROOT), "worktree", "prune"], check=True)
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", "--force", str(tree), f"{commit}^"],
            check=True,
            capture_output=True,
        )
    return tree


Found = dict[str, list[dict[str, object]]]
Judged = dict[str, list[tuple[float, bool]]]  # per pattern: (confidence, right) of each judged detection
Estimator = Callable[[int, int], float]  # (right, judged) of a pattern -> the ceiling of its confidence


def share_ceiling(right: int, judged: int) -> float:
    """The first estimator (until the ninth session): the smoothed share right, rounded down to
    0.05, for a pattern judged at least 5 times."""
    if judged < 5:
        return 1.0
    return max(FLOOR, math.floor((right + 1) / (judged + 2) * 20 + 1e-9) / 20)


def cross_validated(per_source: dict[str, Judged], estimate: Estimator) -> list[tuple[float, bool]]:
    """Leave one source out: each source's first-run detections capped by the ceilings the
    other sources' first runs give (``estimate``), as a ceiling meets code it was not measured on."""
    out: list[tuple[float, bool]] = []
    for held in per_source:
        table: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for name, judged in per_source.items():
            if name == held:
                continue
            for pattern, rows in judged.items():
                table[pattern][0] += sum(right for _, right in rows)
                table[pattern][1] += len(rows)
        for pattern, rows in per_source[held].items():
            cap = estimate(*table.get(pattern, (0, 0)))
            out += [(min(conf, cap), right) for conf, right in rows]
    return out


def print_cross_validation(per_source: dict[str, Judged]) -> None:
    estimators: dict[str, Estimator] = {"smoothed share (before)": share_ceiling, "calibration.py": ceiling_of}
    print(f"\nleave one source out ({len(per_source)} sources): detections per band, share right")
    for label, estimate in estimators.items():
        capped = cross_validated(per_source, estimate)
        cells = [f"{band} {count:>4} {share:.2f}" for band, count, share in bands(capped)]
        print(f"{label:<26}" + "   ".join(cells))


def first_detections(tree: Path, names: list[str], mirrors: Path, min_confidence: float) -> Found:
    r = subprocess.run(
        [
            sys.executable,
            "-c",
            _CHILD,
            str(tree / "server"),
            str(ROOT / "bench"),
            json.dumps(names),
            str(mirrors),
            str(min_confidence),
        ],
        capture_output=True,
        text=True,
        cwd=tree,
    )
    if r.returncode:
        raise RuntimeError(r.stderr[-1500:])
    result: Found = json.loads(r.stdout)
    return result


def figures(c: Counts) -> dict[str, float]:
    return {"precision": c.precision, "recall": c.recall, "tp": c.tp, "fp": c.fp, "fn": c.fn}


def total(per: dict[str, Counts]) -> Counts:
    t = Counts()
    for c in per.values():
        t.add(c)
    return t


def print_per_pattern(per: dict[str, Counts]) -> None:
    """First-run precision per pattern, and how right the first runs were per confidence band."""
    print(f"\n{'pattern (first runs)':<28}{'TP':>5}{'FP':>5}{'FN':>5}{'P':>7}{'R':>7}{'P at >= 0.8':>13}")
    for pattern, c in sorted(per.items()):
        high = [right for conf, right in c.judged if conf >= 0.8]
        high_p = f"{sum(high) / len(high):.2f} ({len(high)})" if high else "-"
        print(f"{pattern:<28}{c.tp:>5}{c.fp:>5}{c.fn:>5}{c.precision:>7.2f}{c.recall:>7.2f}{high_p:>13}")
    judged = [j for c in per.values() for j in c.judged]
    for band, count, share in bands(judged):
        print(f"first runs, confidence {band}: {count} judged, {share:.2f} right")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--min-confidence", type=float, default=0.5)
    parser.add_argument("--only", help="one source by name")
    parser.add_argument("--mirrors", default="/work/.mirror")
    parser.add_argument("--json", help="write the per-source figures here")
    parser.add_argument(
        "--since", help="only sources whose labels were committed after this revision (first runs of recent engines)"
    )
    parser.add_argument(
        "--calibration",
        action="store_true",
        help="print the per-pattern (right, judged) table of server/agentls/patterns/calibration.py",
    )
    parser.add_argument(
        "--calibration-cv",
        action="store_true",
        help="leave one source out: how right each confidence band is under ceilings measured on the other sources",
    )
    args = parser.parse_args()
    recent = set(_git("rev-list", f"{args.since}..HEAD").split()) if args.since else None
    entries = [e for e in json.loads((CORPUS / "repos.json").read_text()) if e["split"] == "tuning"]
    by_commit: dict[str, list[str]] = defaultdict(list)
    for e in entries:
        if args.only and e["name"] != args.only:
            continue
        commit = labels_commit(e["name"])
        if commit is None:
            print(f"({e['name']}: labels not committed yet, skipped)")
            continue
        if recent is not None and commit not in recent:
            continue
        by_commit[commit].append(e["name"])
    scope = {e["name"]: e["scope"] for e in entries}
    rows = []
    # Per pattern, over all first runs: how often each pattern's detections were right on code
    # the engine had not been tuned on (the basis of its confidence, docs/patterns/index.md).
    per_pattern: dict[str, Counts] = defaultdict(Counts)
    per_source: dict[str, Judged] = {}
    sums: dict[str, dict[str, Counts]] = {"exhaustive": defaultdict(Counts), "precision": defaultdict(Counts)}
    order = {c: i for i, c in enumerate(_git("rev-list", "--reverse", "HEAD").split())}
    for commit in sorted(by_commit, key=lambda c: order.get(c, 0)):
        names = by_commit[commit]
        tree = engine_tree(commit)
        try:
            first = first_detections(tree, names, Path(args.mirrors), args.min_confidence)
        except RuntimeError as exc:
            print(f"{commit[:10]}: the engine of that time did not run ({exc})")
            continue
        for name in names:
            src = prepare(next(e for e in entries if e["name"] == name), Path(args.mirrors))
            labels = load_labels(name)
            first_per = score(src, labels, first[name], [])
            per_source[name] = {pattern: c.judged for pattern, c in first_per.items() if c.judged}
            for pattern, c in first_per.items():
                per_pattern[pattern].add(c)
            then = total(first_per)
            now = total(score(src, labels, detections(src, args.min_confidence), []))
            sums[scope[name]]["first"].add(then)
            sums[scope[name]]["now"].add(now)
            rows.append(
                {
                    "source": name,
                    "scope": scope[name],
                    "engine": _git("rev-parse", "--short", f"{commit}^").strip(),
                    "first": {
                        "precision": then.precision,
                        "recall": then.recall,
                        "tp": then.tp,
                        "fp": then.fp,
                        "fn": then.fn,
                    },
                    "now": {"precision": now.precision, "recall": now.recall, "tp": now.tp, "fp": now.fp, "fn": now.fn},
                    "judged": per_source[name],
                }
            )
    print(f"{'source':<63}{'scope':<11}{'engine':<9}{'first P/R':>11}{'now P/R':>11}")
    for r in rows:
        f, n = r["first"], r["now"]
        if r["scope"] == "precision":  # only judged detections are labelled: no recall
            then_r = now_r = "  -  "
        else:
            then_r, now_r = f"{f['recall']:.2f}", f"{n['recall']:.2f}"
        print(
            f"{r['source']:<63}{r['scope']:<11}{r['engine']:<9}{f['precision']:>6.2f}/{then_r}{n['precision']:>6.2f}/{now_r}"
        )
    for kind, s in sums.items():
        if s:
            f, n = s["first"], s["now"]
            recall = f" R {f.recall:.2f} → {n.recall:.2f}" if kind == "exhaustive" else ""
            print(
                f"{kind} sources, micro: first runs P {f.precision:.2f} → now {n.precision:.2f};{recall} "
                f"(detections judged {f.tp + f.fp} → {n.tp + n.fp})"
            )
    print_per_pattern(per_pattern)
    if args.calibration:
        print("\nFIRST_RUNS = {")
        for pattern, c in sorted(per_pattern.items()):
            if c.tp + c.fp:
                print(f'    "{pattern}": ({c.tp}, {c.tp + c.fp}),')
        print("}")
    if args.calibration_cv:
        print_cross_validation(per_source)
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
