"""Start-up: `agentls --version` and `agentls serve` until it answers `initialize`.

Each is timed as a whole process from spawn (interpreter start-up included), beside floors
run in the same loop: `python -c pass` for the CLI, and a bare pygls server
(bench/floor_server.py) for `serve`. Order alternates per repetition; medians are quoted.
Targets: `--version` <= 80 ms, `serve` ready for `initialize` <= 150 ms.

For each server also: spawn to the diagnostics of an agent file opened right after
`initialized` (the floor publishes an empty list), so that work moved past `initialize` and
paid by the first request shows.

Bytecode: pip compiles an installed package's modules to .pyc; this checkout is an editable
install in a shell with PYTHONDONTWRITEBYTECODE=1, where agentls's modules are compiled from
source at every start. `--bytecode compiled` (the default) runs every process with
PYTHONPYCACHEPREFIX in a temporary folder (written by the warm-up runs, then read);
`--bytecode source` runs them as the shell does.

`--compare-tree DIR` adds a third server, `agentls serve` with DIR (e.g. the `server` folder of
`git archive <commit>`) first on PYTHONPATH: before and after in one paired run.

    python bench/startup.py [--reps 11] [--bytecode compiled|source] [--compare-tree DIR]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lspclient import LspClient

BENCH = Path(__file__).resolve().parent
ENTRY = Path(sys.executable).parent / "agentls"  # the console script users run


def run_once(argv: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return (time.perf_counter() - t0) * 1000


def cpu_ms(pid: int) -> float:
    """user + system CPU of a live process so far (Linux /proc), in ms."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


AGENT = """---
name: reviewer
description: Reviews code for bugs. Use after every change.
tools: Read, Grep, Bash(git diff:*), Frobnicate
model: sonet
color: purple
---
You review code.
"""


async def ready_once(argv: list[str], root: Path) -> tuple[float, float, float]:
    """(ms from spawn to the initialize answer, the server's CPU ms by then, ms from spawn to
    the diagnostics of an agent file opened right after ``initialized``)."""
    client = LspClient(argv[0], argv, root)
    await client.start()
    ns = await asyncio.wait_for(client.initialize(root), 30)
    cpu = cpu_ms(client.proc.pid)  # type: ignore[union-attr]
    uri = (root / ".claude" / "agents" / "reviewer.md").as_uri()
    published = client.expect_diagnostics(uri, None)
    await client.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "markdown", "version": 1, "text": AGENT}})
    stamp, _ = await asyncio.wait_for(published, 30)
    first = (stamp - client.spawned_ns) / 1e6
    await client.stop()
    return ns / 1e6, cpu, first


IMPORTS = """
import time
t0 = time.process_time()
import asyncio, lsprotocol.types, pygls.io_, pygls.lsp.server
t1 = time.process_time()
from agentls.lsp.run import create_server
create_server()
print((t1 - t0) * 1000, (time.process_time() - t1) * 1000)
"""


def import_cpu(reps: int) -> None:
    """Process CPU of the floor's imports, and of agentls's server built on top of them."""
    floor, ours = [], []
    for _ in range(reps):
        out = subprocess.run([sys.executable, "-c", IMPORTS], capture_output=True, text=True, check=True,
                             env=os.environ)
        a, b = out.stdout.split()
        floor.append(float(a))
        ours.append(float(b))
    print(f"imports, process CPU (median of {reps}): pygls + lsprotocol {statistics.median(floor):.0f} ms; "
          f"agentls's create_server() on top {statistics.median(ours):.0f} ms")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reps", type=int, default=11)
    ap.add_argument("--bytecode", choices=("compiled", "source"), default="compiled")
    ap.add_argument("--compare-tree", type=Path, help="also run agentls serve with this folder on PYTHONPATH")
    args = ap.parse_args()
    entry = [str(ENTRY)] if ENTRY.exists() else [sys.executable, "-m", "agentls"]
    cli = {"python -c pass": [sys.executable, "-c", "pass"], "agentls --version": [*entry, "--version"]}
    # pygls's own start_io: ``--stdin-on-loop`` would import agentls.lsp.run, and with it every
    # agentls feature module, into the floor.
    servers = {"bare pygls": [sys.executable, str(BENCH / "floor_server.py")],
               "agentls serve": [*entry, "serve"]}
    if args.compare_tree:
        tree = args.compare_tree.resolve()
        servers["compare-tree serve"] = ["env", f"PYTHONPATH={tree}", sys.executable, "-m", "agentls", "serve"]
    times: dict[str, list[float]] = {n: [] for n in [*cli, *servers]}
    cpus: dict[str, list[float]] = {n: [] for n in servers}
    firsts: dict[str, list[float]] = {n: [] for n in servers}
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory() as pycache:
        if args.bytecode == "compiled":  # the children inherit it
            os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
            os.environ["PYTHONPYCACHEPREFIX"] = pycache
        root = Path(tmp)
        for argv in cli.values():  # warm-up: page cache and .pyc
            run_once(argv)
        for argv in servers.values():
            asyncio.run(ready_once(argv, root))
        for rep in range(args.reps):
            for name in (list(cli) if rep % 2 == 0 else list(cli)[::-1]):
                times[name].append(run_once(cli[name]))
            for name in (list(servers) if rep % 2 == 0 else list(servers)[::-1]):
                wall, cpu, first = asyncio.run(ready_once(servers[name], root))
                times[name].append(wall)
                cpus[name].append(cpu)
                firsts[name].append(first)
        print(f"{args.reps} repetitions, order alternating, bytecode {args.bytecode}, load {os.getloadavg()[0]:.1f}; "
              "ms from spawn (median, min, max)\n")
        for name, values in times.items():
            cpu = f"   CPU {statistics.median(cpus[name]):.0f} ms by then" if name in cpus else ""
            print(f"{name:<20}{statistics.median(values):>8.1f}{min(values):>8.1f}{max(values):>8.1f}{cpu}")
        print("\nspawn -> diagnostics of an agent file opened right after initialized (median, min, max)")
        for name, values in firsts.items():
            print(f"{name:<20}{statistics.median(values):>8.1f}{min(values):>8.1f}{max(values):>8.1f}")
        version = statistics.median(times["agentls --version"])
        ready = statistics.median(times["agentls serve"])
        floor = statistics.median(times["bare pygls"])
        print(f"\nserve above the bare pygls floor: {ready - floor:+.0f} ms wall, "
              f"{statistics.median(cpus['agentls serve']) - statistics.median(cpus['bare pygls']):+.0f} ms CPU")
        import_cpu(args.reps)
    print(f"agentls --version {version:.0f} ms (target <= 80: {'MET' if version <= 80 else 'MISSED'}); "
          f"serve ready for initialize {ready:.0f} ms (target <= 150: {'MET' if ready <= 150 else 'MISSED'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
