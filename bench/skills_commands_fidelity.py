"""How close `agentls check` comes to Claude Code 2.1.332 on skills and slash commands.

Writes every probe of ``tests/agentfiles/skill_command_probes.py`` (files we wrote from the
probe table of Claude Code's observed behaviour) into a project folder under ``bench/.work``,
runs ``python -m agentls check --format json`` there once, as a user would, and compares:

* every file Claude Code never loads (``fails``) gets an error;
* no file it loads (``loads`` or ``changed``) gets an error;
* at most 5% of the files it loads as written (``loads``) get a warning.

Usage: ``python bench/skills_commands_fidelity.py [-v]`` from the repo root.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.agentfiles.skill_command_probes import CHANGED, FAILS, LOADS, PROBES  # noqa: E402


def run_check(work: Path) -> dict[str, list[dict[str, object]]]:
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    for probe in PROBES:
        probe.write(work)
    r = subprocess.run([sys.executable, "-m", "agentls", "check", "--format", "json",
                        "--fail-on", "never"], cwd=work, text=True, capture_output=True, timeout=300)
    if r.returncode != 0:
        raise SystemExit(f"agentls check failed ({r.returncode}): {r.stderr[-2000:]}")
    by_path: dict[str, list[dict[str, object]]] = defaultdict(list)
    for item in json.loads(r.stdout):
        by_path[str(item["path"])].append(item)
    return by_path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="one line per probe")
    args = parser.parse_args()
    found = run_check(ROOT / "bench" / ".work" / "skills-commands")
    counts = {FAILS: [0, 0], CHANGED: [0, 0], LOADS: [0, 0]}
    misses: list[str] = []
    for probe in PROBES:
        items = found.get(probe.rel, [])
        errors = [str(i["code"]) for i in items if i["severity"] == "error"]
        warnings = [str(i["code"]) for i in items if i["severity"] == "warning"]
        if probe.verdict == FAILS:
            hit = bool(errors)
        elif probe.verdict == CHANGED:
            hit = not errors
        else:
            hit = not errors and not warnings
        counts[probe.verdict][0] += hit
        counts[probe.verdict][1] += 1
        line = (f"{probe.id:4} {probe.verdict:8} {'ok ' if hit else 'MISS'} "
                f"E={','.join(errors) or '-'} W={','.join(warnings) or '-'}  {probe.what}")
        if not hit:
            misses.append(line)
        if args.verbose:
            print(line)
    loaded = [p for p in PROBES if p.verdict != FAILS]
    loaded_errors = sum(1 for p in loaded
                        if any(i["severity"] == "error" for i in found.get(p.rel, [])))
    written = [p for p in PROBES if p.verdict == LOADS]
    warned = sum(1 for p in written
                 if any(i["severity"] in ("error", "warning") for i in found.get(p.rel, [])))
    fails_hit, fails_all = counts[FAILS]
    share = warned / len(written) if written else 0.0
    print(f"never loaded, with an error:         {fails_hit}/{fails_all}")
    print(f"loaded, with an error:               {loaded_errors}/{len(loaded)}")
    print(f"loaded as written, with a warning:   {warned}/{len(written)} ({share:.1%})")
    if misses and not args.verbose:
        print("\n".join(["", "misses:", *misses]))
    met = fails_hit == fails_all and loaded_errors == 0 and share <= 0.05
    print("MET" if met else "MISSED")


if __name__ == "__main__":
    main()
