"""Precision, recall and role accuracy of `agentls patterns` on real code, labelled by hand.

    python bench/patterns_corpus.py [--split tuning|check|both|holdout] [--min-confidence 0.5]
                                    [--verbose] [--only NAME] [--mirrors DIR] [--json OUT]
                                    [--unjudged FILE]

The corpus is described in bench/corpus/README.md: `repos.json` names each source (a GitHub
repository at a pinned commit, or a PyPI sdist), its split and its scope; `labels/*.jsonl`
holds the labels. Sources are unpacked into bench/.work/corpus/ on first use: a repository
from a local git mirror (`--mirrors`, where the search tool's `fetch` puts them) or, failing
that, `git clone`; an sdist with `pip download --no-binary :all: --no-deps`.

Each source is analysed as a user runs `agentls patterns` in its root (the same `collect`,
one workspace per source). For each split it prints per pattern TP / FP / FN, precision,
recall, role accuracy, and the recall of the name-only baseline, then the micro averages;
`--verbose` lists every miss and every false positive; `--unjudged FILE` writes the detections
no label judges on precision-scope sources, one JSON object a line (source, path, symbol,
pattern, role, confidence), to sample and judge them.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tarfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "bench" / "corpus"
WORK = ROOT / "bench" / ".work" / "corpus"
sys.path.insert(0, str(ROOT / "server"))

from agentls.cli.patterns_cmd import collect  # noqa: E402
from agentls.patterns.evaluate import Score  # noqa: E402

# The name-only baseline: a class whose name contains one of these words is reported for the
# pattern, with the role given (the first matching word wins).
NAME_WORDS: dict[str, list[tuple[str, str]]] = {
    "repository": [("AbstractRepository", "abstract_repository"), ("Repository", "repository"), ("Repo", "repository")],
    "unit_of_work": [
        ("AbstractUnitOfWork", "abstract_unit_of_work"),
        ("UnitOfWork", "unit_of_work"),
        ("Uow", "unit_of_work"),
    ],
    "factory": [("Factory", "factory"), ("Creator", "creator")],
    "abstract_factory": [("AbstractFactory", "abstract_factory")],
    "observer": [("Observer", "observer"), ("Subject", "subject"), ("Listener", "concrete_observer")],
    "visitor": [("Visitor", "visitor")],
    "command": [("Command", "concrete_command"), ("Invoker", "invoker")],
    "cqrs_command": [("CommandHandler", "command_handler"), ("Command", "command")],
    "cqrs_query": [("QueryHandler", "query_handler"), ("Query", "query")],
    "domain_event": [("EventHandler", "event_handler"), ("Event", "event")],
    "message_bus": [("Bus", "message_bus")],
    "strategy": [("Strategy", "strategy")],
    "state": [("State", "concrete_state")],
    "adapter": [("Adapter", "adapter")],
    "proxy": [("Proxy", "proxy")],
    "decorator": [("Decorator", "decorator")],
    "facade": [("Facade", "facade")],
    "builder": [("Builder", "builder"), ("Director", "director")],
    "singleton": [("Singleton", "singleton")],
    "iterator": [("Iterator", "iterator")],
    "composite": [("Composite", "composite"), ("Leaf", "leaf")],
    "mediator": [("Mediator", "mediator")],
    "memento": [("Memento", "memento"), ("Caretaker", "caretaker"), ("Originator", "originator")],
    "prototype": [("Prototype", "prototype")],
    "flyweight": [("Flyweight", "flyweight")],
    "bridge": [("Implementation", "implementor"), ("Abstraction", "abstraction")],
    "chain_of_responsibility": [("Handler", "concrete_handler")],
    "specification": [("Specification", "specification")],
    "registry": [("Registry", "registry")],
    "entity": [("Entity", "entity")],
    "aggregate": [("Aggregate", "aggregate_root")],
    "value_object": [("ValueObject", "value_object")],
    "service_layer": [("Service", "service"), ("UseCase", "service")],
    "domain_service": [("DomainService", "domain_service")],
    "dependency_injection": [("Container", "container"), ("Injector", "injector")],
    "data_mapper": [("Mapper", "data_mapper")],
    "template_method": [("Template", "abstract_class")],
    "null_object": [("Null", "null_object")],
    "object_pool": [("Pool", "pool")],
    "outbox": [("Outbox", "outbox_writer")],
}

_CLASS = re.compile(r"^\s*class\s+([A-Za-z_]\w*)", re.M)


@dataclass
class Source:
    name: str
    split: str
    scope: str
    root: Path
    include: list[str]


@dataclass
class Counts(Score):
    """The fixtures' ``Score`` (tp, fp, fn, role_ok, misses, extras, precision, recall), plus
    what a corpus needs: unjudged detections, the name-only baseline, and calibration."""

    unjudged: int = 0
    base_tp: int = 0
    base_fp: int = 0
    judged: list[tuple[float, bool]] = field(default_factory=list)  # (confidence, right) per judged detection
    unjudged_rows: list[dict[str, object]] = field(default_factory=list)  # the detections `unjudged` counts

    def add(self, other: Counts) -> None:
        for k in ("tp", "fp", "fn", "role_ok", "unjudged", "base_tp", "base_fp"):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        self.misses += other.misses
        self.extras += other.extras
        self.judged += other.judged
        self.unjudged_rows += other.unjudged_rows

    @property
    def base_recall(self) -> float:
        return self.base_tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def roles(self) -> float:
        return self.role_ok / self.tp if self.tp else 1.0


def _run(cmd: list[str], cwd: Path | None = None) -> None:
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL)


def prepare(entry: dict[str, object], mirrors: Path) -> Source:
    """Unpack one source into bench/.work/corpus/<name>/ (once)."""
    name = str(entry["name"])
    dest = WORK / name
    include = [str(p) for p in entry.get("include", ["."])]  # type: ignore[attr-defined]
    if not (dest / ".complete").exists():
        dest.mkdir(parents=True, exist_ok=True)
        if "repo" in entry:
            repo, commit = str(entry["repo"]), str(entry["commit"])
            git_dir = mirrors / repo.replace("/", "+") / "repo"
            if (git_dir / ".git").is_dir():  # some mirrors arrive as a work tree's .git, not bare
                git_dir = git_dir / ".git"
            if not git_dir.exists():
                git_dir = WORK / f"{name}.git"
                if not git_dir.exists():
                    _run(["git", "clone", "--bare", "--quiet", f"https://github.com/{repo}.git", str(git_dir)])
            # Only the included paths: a mirror may lack a large file elsewhere (a PDF of the
            # book), and `git archive` of the whole tree then fails.
            paths = [] if include == ["."] else ["--", *include]
            archive = subprocess.run(
                ["git", "--git-dir", str(git_dir), "archive", commit, *paths], check=True, capture_output=True
            ).stdout
            subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
        else:
            spec = str(entry["sdist"])
            downloads = WORK / "sdists"
            downloads.mkdir(parents=True, exist_ok=True)
            project, version = spec.split("==")
            found = [p for p in downloads.glob("*.tar.gz") if p.name.lower().startswith(f"{project}-{version}")]
            if not found:
                _run(
                    [
                        sys.executable,
                        "-m",
                        "pip",
                        "download",
                        "--no-binary",
                        ":all:",
                        "--no-deps",
                        "-q",
                        "-d",
                        str(downloads),
                        spec,
                    ]
                )
                found = [p for p in downloads.glob("*.tar.gz") if p.name.lower().startswith(f"{project}-{version}")]
            dest.rmdir()
            unpack = WORK / "sdists" / "unpacked"
            with tarfile.open(found[0]) as tar:
                top = tar.getnames()[0].split("/")[0]
                tar.extractall(unpack, filter="data")
            (unpack / top).rename(dest)
        (dest / ".complete").write_text("ok\n")
    return Source(name, str(entry["split"]), str(entry["scope"]), dest, include)


def load_labels(name: str) -> list[dict[str, str]]:
    path = CORPUS / "labels" / f"{name}.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def detections(src: Source, min_confidence: float) -> list[dict[str, object]]:
    cwd = os.getcwd()
    os.chdir(src.root)
    try:
        results, _ = collect(src.include, smells=True)
    finally:
        os.chdir(cwd)
    out = []
    for path, dets, _ in results:
        rel = os.path.normpath(path)
        for d in dets:
            if d.confidence >= min_confidence:
                symbol = "<module>" if d.kind == "module" else d.symbol
                out.append(
                    {"path": rel, "symbol": symbol, "pattern": d.pattern, "role": d.role, "confidence": d.confidence}
                )
    return out


def baseline(src: Source) -> list[dict[str, object]]:
    out = []
    for inc in src.include:
        for path in sorted((src.root / inc).rglob("*.py")):
            rel = os.path.normpath(path.relative_to(src.root))
            if any(part.startswith(".") for part in Path(rel).parts):
                continue
            try:
                text = path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            for name in _CLASS.findall(text):
                for pattern, words in NAME_WORDS.items():
                    role = next((r for w, r in words if w.lower() in name.lower()), None)
                    if role is not None:
                        out.append({"path": rel, "symbol": name, "pattern": pattern, "role": role})
    return out


def score(
    src: Source, labels: list[dict[str, str]], found: list[dict[str, object]], base: list[dict[str, object]]
) -> dict[str, Counts]:
    by_key: dict[tuple[str, str, str], dict[str, str]] = {}
    for lab in labels:
        by_key[(os.path.normpath(lab["path"]), lab["symbol"], lab["pattern"])] = lab
    per: dict[str, Counts] = defaultdict(Counts)
    seen: set[tuple[str, str, str]] = set()
    for d in found:
        key = (str(d["path"]), str(d["symbol"]), str(d["pattern"]))
        if key in seen:
            continue
        seen.add(key)
        lab = by_key.get(key)
        c = per[key[2]]
        where = f"{src.name}:{key[0]} {key[1]} {key[2]}/{d['role']} ({d['confidence']})"
        conf = float(d["confidence"])  # type: ignore[arg-type]
        if lab is None:
            if src.scope == "exhaustive":
                c.fp += 1
                c.judged.append((conf, False))
                c.extras.append(where + " [unlabelled]")
            else:
                c.unjudged += 1
                c.unjudged_rows.append({"source": src.name, **d})
        elif lab["polarity"] == "positive":
            c.tp += 1
            c.judged.append((conf, True))
            c.role_ok += lab["role"] == d["role"]
            if lab["role"] != d["role"]:
                c.extras.append(where + f" [role: label says {lab['role']}]")
        elif lab["polarity"] == "negative":
            c.fp += 1
            c.judged.append((conf, False))
            c.extras.append(where + f" [negative: {lab['reason']}]")
    for key, lab in by_key.items():
        if lab["polarity"] == "positive" and key not in seen:
            per[key[2]].fn += 1
            per[key[2]].misses.append(f"{src.name}:{key[0]} {key[1]} {key[2]}/{lab['role']} — {lab['reason']}")
    base_seen: set[tuple[str, str, str]] = set()
    # Labels name nested classes by qualified name; the baseline knows only the last part.
    tails = {(k[0], k[1].rpartition(".")[2], k[2]): k for k in by_key}
    for b in base:
        key = tails.get(
            (str(b["path"]), str(b["symbol"]), str(b["pattern"])), (str(b["path"]), str(b["symbol"]), str(b["pattern"]))
        )
        if key in base_seen:
            continue
        base_seen.add(key)
        lab = by_key.get(key)
        if lab is not None and lab["polarity"] == "positive":
            per[key[2]].base_tp += 1
        elif (lab is None and src.scope == "exhaustive") or (lab is not None and lab["polarity"] == "negative"):
            per[key[2]].base_fp += 1
    return per


def bands(judged: list[tuple[float, bool]]) -> list[tuple[str, int, float]]:
    """How right the judged detections of each confidence band were: (band, how many, share right)."""
    out = []
    for low, high in ((0.5, 0.65), (0.65, 0.8), (0.8, 1.01)):
        bucket = [right for conf, right in judged if low <= conf < high]
        out.append((f"{low:.2f}–{min(high, 1.0):.2f}", len(bucket), sum(bucket) / len(bucket) if bucket else 1.0))
    return out


def report(title: str, per: dict[str, Counts], verbose: bool) -> Counts:
    print(f"\n== {title}")
    print(f"{'pattern':<26}{'pos':>5}{'TP':>5}{'FP':>5}{'FN':>5}{'prec':>7}{'recall':>7}{'roles':>7}{'name R':>8}")
    total = Counts()
    for pattern in sorted(per):
        c = per[pattern]
        total.add(c)
        pos = c.tp + c.fn
        print(
            f"{pattern:<26}{pos:>5}{c.tp:>5}{c.fp:>5}{c.fn:>5}{c.precision:>7.2f}{c.recall:>7.2f}"
            f"{c.roles:>7.2f}{c.base_recall:>8.2f}"
        )
        if verbose:
            for m in c.misses:
                print(f"    missed  {m}")
            for e in c.extras:
                print(f"    extra   {e}")
    base_p = total.base_tp / (total.base_tp + total.base_fp) if total.base_tp + total.base_fp else 1.0
    print(
        f"{'micro':<26}{total.tp + total.fn:>5}{total.tp:>5}{total.fp:>5}{total.fn:>5}{total.precision:>7.2f}"
        f"{total.recall:>7.2f}{total.roles:>7.2f}{total.base_recall:>8.2f}"
    )
    print(
        f"name-only baseline: precision {base_p:.2f}, recall {total.base_recall:.2f}; "
        f"unjudged detections (precision-scope sources): {total.unjudged}"
    )
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    # `holdout`: sources labelled blind and read for their score only, like the check half
    # (bench/corpus/README.md, "The hold-out sources"); not part of `both`.
    parser.add_argument("--split", choices=["tuning", "check", "both", "holdout"], default="both")
    parser.add_argument("--min-confidence", type=float, default=0.5)
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument("--only", help="one source by name")
    parser.add_argument("--mirrors", default="/work/.mirror")
    parser.add_argument("--json", help="write the per-split, per-pattern figures here")
    parser.add_argument("--unjudged", help="write the unjudged detections here, one JSON object a line")
    args = parser.parse_args()
    entries = json.loads((CORPUS / "repos.json").read_text())
    splits = ["tuning", "check"] if args.split == "both" else [args.split]
    summary: dict[str, dict[str, object]] = {}
    unjudged: list[dict[str, object]] = []
    for split in splits:
        per: dict[str, Counts] = defaultdict(Counts)
        for entry in entries:
            if entry["split"] != split or (args.only and entry["name"] != args.only):
                continue
            labels = load_labels(entry["name"])
            if not labels:
                print(f"({entry['name']}: no labels yet, skipped)")
                continue
            src = prepare(entry, Path(args.mirrors))
            found = detections(src, args.min_confidence)
            for pattern, c in score(src, labels, found, baseline(src)).items():
                per[pattern].add(c)
        total = report(f"{split} half", per, args.verbose)
        unjudged += [row for c in per.values() for row in c.unjudged_rows]
        judged = [j for c in per.values() for j in c.judged]
        for band, count, share in bands(judged):
            print(f"confidence {band}: {count} judged detections, {share:.2f} right")
        summary[split] = {
            "micro": {
                "precision": total.precision,
                "recall": total.recall,
                "roles": total.roles,
                "baseline_recall": total.base_recall,
                "tp": total.tp,
                "fp": total.fp,
                "fn": total.fn,
            },
            "patterns": {
                p: {
                    "tp": c.tp,
                    "fp": c.fp,
                    "fn": c.fn,
                    "precision": c.precision,
                    "recall": c.recall,
                    "roles": c.roles,
                    "baseline_recall": c.base_recall,
                }
                for p, c in sorted(per.items())
            },
        }
        below = [p for p, c in per.items() if c.tp + c.fn >= 5 and c.recall <= c.base_recall and c.base_recall > 0]
        high = [right for conf, right in judged if conf >= 0.8]
        calibrated = not high or sum(high) / len(high) >= 0.95
        met = total.precision >= 0.9 and total.recall >= 0.8 and not below and calibrated
        not_above = f"; not above: {', '.join(sorted(below))}" if below else ""
        print(
            f"{split}: target (P >= 0.90, R >= 0.80, >= 95% right at confidence >= 0.8, recall above the "
            f"name-only baseline for every pattern with >= 5 positives{not_above}): {'MET' if met else 'MISSED'}"
        )
    if args.json:
        Path(args.json).write_text(json.dumps(summary, indent=1))
    if args.unjudged:
        lines = [json.dumps(row) for row in sorted(unjudged, key=lambda r: (str(r["source"]), str(r["path"])))]
        Path(args.unjudged).write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
