"""Hover in an open module while the background index of a generated monorepo runs.

The tree is scale.py's (N modules that import and subclass each other, 50 agent files). One
module is open; it is hovered every 50 ms until the index's work-done progress ends: the
latency of each hover while indexing (p50, p95, max). A mid-walk commit of the index used to
make the next hover re-analyse the module against the whole grown index (seconds at 3,000
modules); it now answers from the module's last analysis while the walk runs
(lsp/walk_commits.py). `--compare-tree DIR` runs the same probe on a server from another
checkout (DIR first on PYTHONPATH), alternating with this one.

    python bench/hover_during_index.py [--modules 3000] [--runs 1] [--compare-tree DIR]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lspclient import agentls_argv, percentile
from scale import WORK, ScaleClient, generate


async def probe(argv: list[str], root: Path, name: str) -> list[float]:
    client = ScaleClient(name, argv, root, WORK / f"hover-index-{name}.stderr")
    await client.init(root)
    assert client.ended is not None
    uri = await client.open(root / "pkg_000" / "mod_00050.py", "python")
    hover = {"textDocument": {"uri": uri}, "position": {"line": 8, "character": 8}}
    timed: list[tuple[int, float]] = []  # (ns the answer came, ms it took)
    while not client.ended.done():
        t0 = time.perf_counter_ns()
        await client.request("textDocument/hover", hover)
        timed.append((time.perf_counter_ns(), (time.perf_counter_ns() - t0) / 1e6))
        await asyncio.wait([client.ended], timeout=0.05)
    end_ns, _ = client.ended.result()
    t0 = time.perf_counter_ns()
    await client.request("textDocument/hover", hover)
    first_after = (time.perf_counter_ns() - t0) / 1e6
    # Answered before the progress ended: while indexing. The hover answered after it waited
    # for the one re-analysis the finished index forces (both trees pay that one).
    during = [ms for at, ms in timed if at < end_ns]
    straddling = [ms for at, ms in timed if at >= end_ns]
    print(f"{name:<14} indexed in {(end_ns - client.spawned_ns) / 1e9:5.1f} s; {len(during)} hovers answered while "
          f"indexing: p50 {percentile(during, 50):.1f} ms, p95 {percentile(during, 95):.1f} ms, "
          f"max {max(during):.0f} ms (hover {during.index(max(during)) + 1}), "
          f"over 1 s: {sum(1 for d in during if d > 1000)}; after the end: "
          f"{', '.join(f'{ms:.0f}' for ms in [*straddling, first_after])} ms")
    await client.stop()
    return during


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--modules", type=int, default=3000)
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--compare-tree", type=Path)
    args = ap.parse_args()
    root = WORK / f"scale-{args.modules}"
    if not (root / "pkg_000" / "mod_00050.py").exists():
        root = generate(args.modules, 50)
    servers = {"this tree": agentls_argv()}
    if args.compare_tree:
        servers["compare-tree"] = ["env", f"PYTHONPATH={args.compare_tree.resolve()}", sys.executable,
                                   "-m", "agentls", "serve"]
    worst: dict[str, list[float]] = {n: [] for n in servers}
    for run in range(args.runs):
        for name in (list(servers) if run % 2 == 0 else list(servers)[::-1]):
            worst[name].append(max(asyncio.run(probe(servers[name], root, name.replace(" ", "-")))))
    for name, values in worst.items():
        print(f"{name}: worst hover while indexing, median of {len(values)} runs: {statistics.median(values):.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
