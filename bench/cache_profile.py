"""What each part of the editor session's EditCache saves per keystroke, in-process.

Runs what the server does on each didChange of ``lsp_latency.py``'s ~6 KB subagent (its four
variants: rescued or quoted description, edits in the frontmatter or the body):
``engine.check_text`` with the session's ``EditCache``, then the agent-file index's overlay and
cross-file findings. Once with the whole cache, once with each part switched off (in this
script: the part is replaced by one that never answers), once with no cache at all (what the
CLI does). Prints the median microseconds per keystroke and what switching a part off adds,
as a share of the keystroke time ``lsp_latency.py`` measures end to end (``--keystroke-ms``,
one per variant). A part is worth keeping at >= 5% (issue 12).

    python bench/cache_profile.py [-n 400] [--keystroke-ms 0.77,0.77,0.50,0.46]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from lsp_latency import agent_file  # noqa: E402 - after the sys.path line

from agentls.agentindex import AgentIndex, IndexConfig  # noqa: E402 - after the sys.path line
from agentls.edit_cache import EditCache, HeadCache, PerFile  # noqa: E402 - after the sys.path line
from agentls.engine import check_text  # noqa: E402 - after the sys.path line
from agentls.frontmatter.yamlnodes import ParseFailures  # noqa: E402 - after the sys.path line
from agentls.settings import Settings  # noqa: E402 - after the sys.path line

VARIANTS = [(False, "frontmatter"), (True, "frontmatter"), (False, "body"), (True, "body")]


class _NoActive(dict[Any, Any]):
    def get(self, key: Any, default: Any = None) -> Any:
        return None


class _NoKeyed(PerFile[Any]):
    def get(self, path: str | None, dialect: str, settings: Settings) -> Any:
        return None


class _NoHeads(HeadCache):
    def reuse(self, text: str, path: str | None, dialect: str, settings: Settings) -> Any:
        return None


class _NoFailures(ParseFailures):
    def known(self, text: str, max_depth: int) -> Any:
        return None


def _without(part: str) -> Callable[[], EditCache | None]:
    def make() -> EditCache | None:
        if part == "no cache":
            return None
        cache = EditCache()
        if part == "active":
            cache.active = _NoActive()
        elif part == "keyed":
            cache.keyed = _NoKeyed()
        elif part == "heads":
            cache.heads = _NoHeads()
        elif part == "failures":
            cache.failures = _NoFailures()
        return cache
    return make


def keystrokes(make: Callable[[], EditCache | None], quoted: bool, edit: str, n: int, warmup: int) -> float:
    """Median microseconds of one keystroke's agent-file work."""
    root = tempfile.mkdtemp(prefix="agentls-cache-profile-")
    folder = Path(root, ".claude", "agents")
    folder.mkdir(parents=True)
    path = str(folder / "x.md")
    settings = Settings()
    cache = make()
    index = AgentIndex(IndexConfig((root,), None, None, 200_000))
    index.scan()
    times = []
    for v in range(warmup + n):
        text = agent_file(v + 2, quoted, edit)
        t0 = time.perf_counter_ns()
        doc, _ = check_text(text, path, "claude-agent", settings, cache)
        index.set_overlay(path, text, doc)
        index.findings_for(path)
        times.append((time.perf_counter_ns() - t0) / 1e3)
    return statistics.median(times[warmup:])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=400)
    ap.add_argument("--warmup", type=int, default=40)
    ap.add_argument("--rounds", type=int, default=3, help="repeat and take the median (default 3)")
    ap.add_argument("--keystroke-ms", default="0.77,0.77,0.50,0.46",
                    help="lsp_latency.py's agentls p50 per variant (default: this machine's)")
    args = ap.parse_args()
    keystroke = [float(x) * 1000 for x in args.keystroke_ms.split(",")]
    parts = ["whole cache", "active", "keyed", "heads", "failures", "no cache"]
    table: dict[str, list[float]] = {}
    for part in parts:
        make = (lambda: EditCache()) if part == "whole cache" else _without(part)
        table[part] = [statistics.median(keystrokes(make, q, e, args.n, args.warmup) for _ in range(args.rounds))
                       for q, e in VARIANTS]
    names = ["rescued/front", "quoted/front", "rescued/body", "quoted/body"]
    print(f"median us per keystroke (check_text + index overlay), {args.n} keystrokes x {args.rounds}")
    print(f"{'':<18}" + "".join(f"{n:>16}" for n in names))
    base = table["whole cache"]
    for part in parts:
        cells = []
        for i, us in enumerate(table[part]):
            if part == "whole cache":
                cells.append(f"{us:>16.1f}")
            else:
                extra = us - base[i]
                cells.append(f"{us:>7.1f} {extra:+5.0f} {100 * extra / keystroke[i]:>2.0f}%")
        label = part if part in ("whole cache", "no cache") else f"without {part}"
        print(f"{label:<18}" + "".join(cells))
    print("(+us: added by switching the part off; %: of lsp_latency's keystroke p50 "
          f"{', '.join(f'{k / 1000:.2f}' for k in keystroke)} ms)")
    kept = [p for p in parts[1:-1] if max(100 * (table[p][i] - base[i]) / keystroke[i] for i in range(4)) >= 5]
    print(f"parts worth >= 5% of a keystroke in some variant: {', '.join(kept) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
