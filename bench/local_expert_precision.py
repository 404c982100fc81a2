"""How many of the local expert's suggestions a reviewer would keep, on real code, labelled by hand.

    python bench/local_expert_precision.py [--split tuning|check|both] [--only NAME]
                                           [--mirrors DIR] [--template OUT.jsonl] [--quiet]

`bench/local_expert/modules.json` names the modules: public GitHub repositories at pinned
commits, each module assigned to the tuning or the check half before any output was seen (the
check half is not tuned on). Sources are unpacked as `bench/patterns_corpus.py` unpacks them
(`prepare`: a local git mirror from the `fetch` tool under `--mirrors`, else `git clone`), into
bench/.work/corpus/<name>/.

Each module is reviewed as a user would: `agentls review FILE --local --format json` as a
subprocess in the repository's root (its workspace), without an API key, with a throw-away
cache folder. Every suggestion is joined with `bench/local_expert/labels.jsonl` (repo, commit,
path, title, line, rule, kept, why) on (repo, commit, path, title, line). The script prints a
table (module, line, suggestion, kept or not, why) and the precision per half: kept / labelled.
A suggestion with no label is listed as UNLABELLED and counted apart, never as kept;
labels whose suggestion is no longer produced are listed as gone. `--template` writes the
unlabelled suggestions as label lines to fill in.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from patterns_corpus import prepare  # noqa: E402  (one way to pin and unpack sources)

HERE = ROOT / "bench" / "local_expert"
TARGET = 0.8

Key = tuple[str, str, str, str, int]  # repo, commit, path, title, line


@dataclass
class Half:
    kept: int = 0
    dropped: int = 0
    unlabelled: int = 0
    modules: int = 0
    rows: list[tuple[str, int, str, str, str]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        judged = self.kept + self.dropped
        return self.kept / judged if judged else 1.0


def review(root: Path, path: str, cache: str) -> list[dict[str, object]]:
    """The local expert's suggestions for one module, from the CLI as a user runs it."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ANTHROPIC_")}
    env.update(XDG_CACHE_HOME=cache, PYTHONPATH=str(ROOT / "server"))
    run = subprocess.run(
        [sys.executable, "-m", "agentls", "review", path, "--local", "--format", "json", "--no-cache",
         "--no-user-agents", "--workspace", str(root)],
        cwd=root, env=env, capture_output=True, text=True, timeout=600,
    )
    if run.returncode != 0:
        raise SystemExit(f"agentls review {path} failed ({run.returncode}): {run.stderr.strip()[-400:]}")
    suggestions: list[dict[str, object]] = json.loads(run.stdout)["suggestions"]
    return suggestions


def load_labels() -> dict[Key, dict[str, object]]:
    path = HERE / "labels.jsonl"
    if not path.exists():
        return {}
    labels = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            lab = json.loads(line)
            labels[(lab["repo"], lab["commit"], lab["path"], lab["title"], int(lab["line"]))] = lab
    return labels


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=["tuning", "check", "both"], default="both")
    parser.add_argument("--only", help="one repository by name (owner+name)")
    parser.add_argument("--mirrors", default="/work/.mirror")
    parser.add_argument("--template", help="write the unlabelled suggestions here as label lines")
    parser.add_argument("--quiet", action="store_true", help="only the per-half figures")
    args = parser.parse_args()
    entries = json.loads((HERE / "modules.json").read_text())
    labels = load_labels()
    seen: set[Key] = set()
    halves = {s: Half() for s in (["tuning", "check"] if args.split == "both" else [args.split])}
    template: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory(prefix="agentls-bench-cache-") as cache:
        for entry in entries:
            if args.only and entry["name"] != args.only:
                continue
            src = prepare({**entry, "split": "-", "scope": "-"}, Path(args.mirrors))
            for module in entry["modules"]:
                half = halves.get(module["split"])
                if half is None:
                    continue
                half.modules += 1
                where = f"{entry['repo']}:{module['path']}"
                found = review(src.root, module["path"], cache)
                if not found:
                    half.rows.append((where, 0, "(no suggestion)", "", ""))
                for s in found:
                    title, line = str(s["title"]), int(s["start_line"])  # type: ignore[call-overload]
                    key = (entry["repo"], entry["commit"], module["path"], title, line)
                    seen.add(key)
                    lab = labels.get(key)
                    if lab is None:
                        half.unlabelled += 1
                        half.rows.append((where, line, title, "UNLABELLED", ""))
                        template.append({"repo": key[0], "commit": key[1], "path": key[2], "title": title,
                                         "line": line, "rule": s.get("pattern", ""), "kept": None, "why": ""})
                        continue
                    kept = bool(lab["kept"])
                    half.kept += kept
                    half.dropped += not kept
                    half.rows.append((where, line, title, "kept" if kept else "NOT kept", str(lab["why"])))
    for name, half in halves.items():
        if not args.quiet:
            print(f"\n== {name} half ({half.modules} modules)")
            print(f"{'module':<58}{'line':>6}  {'suggestion':<64}{'verdict':<11}why")
            for where, line, title, verdict, why in half.rows:
                print(f"{where:<58}{line or '':>6}  {title[:63]:<64}{verdict:<11}{why}")
    gone = [k for k in labels if k not in seen and any(
        e["repo"] == k[0] and e["commit"] == k[1] and (not args.only or e["name"] == args.only)
        and any(m["path"] == k[2] and m["split"] in halves for m in e["modules"]) for e in entries)]
    if gone and not args.quiet:
        print("\nlabelled suggestions no longer produced:")
        for k in gone:
            print(f"  {k[0]}:{k[2]}:{k[4]} {k[3]} (kept={labels[k]['kept']})")
    print()
    for name, half in halves.items():
        judged = half.kept + half.dropped
        print(f"{name}: {half.modules} modules, {judged + half.unlabelled} suggestions, {half.kept} kept, "
              f"{half.dropped} not kept, {half.unlabelled} unlabelled; precision {half.precision:.2f} "
              f"({half.kept}/{judged}) — target >= {TARGET:.2f}: "
              + ("MET" if half.precision >= TARGET and not half.unlabelled else
                 "UNDECIDED (unlabelled)" if half.unlabelled else "MISSED"))
    if args.template:
        Path(args.template).write_text("".join(json.dumps(t) + "\n" for t in template), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
