"""Speed of `agentls patterns` against the floor (a bare `ast.parse` of the same files).

    python bench/patterns_speed.py [--runs 5] [--jobs N]

Downloads the Django and SQLAlchemy wheels once into bench/.work/ (`pip download --no-deps`),
unpacks them, then for each run times two whole processes over the same files, as a user runs
them: `agentls patterns --format json` (read, parse, index, workspace, every detector and
smell, JSON out) and the floor, bench/patterns_floor.py (read + `ast.parse` of the same files),
both with the same number of processes (``--jobs``; default one per CPU, as the CLI) and the
cyclic GC off. The order alternates between runs. Prints per-run times (wall, and each
process's CPU with its workers' from ``wait4``: on a loaded machine the wall times stretch,
the CPU times much less), the load, the medians and the median of the paired ratios (target
<= 2x). Then times hover on a generated 5,000-line module
(target p95 <= 15 ms). ``--in-process`` also prints the old in-process figure (``collect``
against a one-process floor), which compared unlike things. ``--before REV`` adds a third
process to every run: the same command with the engine's files at git revision REV, for
before/after figures paired in the same runs; both agentls sides then run from copies of this
tree made at the start (bench/patterns_same_output.py's ``snapshot``), as others may be
editing it meanwhile. ``--also FILE...`` takes more files at REV on the before side (the
detector files a speed change touched, which the engine's list leaves out); ``--whole`` takes
every file of the engine at REV, detectors included, to set two sessions' engines side by side.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import gc
import os
import statistics
import subprocess
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / ".work"
sys.path.insert(0, str(ROOT / "server"))

from agentls.cli.patterns_cmd import collect, iter_python_files, read_source  # noqa: E402
from agentls.patterns.analysis import analyze_source  # noqa: E402
from agentls.patterns.hover import hover_markdown  # noqa: E402


def fetch() -> Path:
    wheels = WORK / "wheels"
    src = WORK / "src"
    if not any(wheels.glob("*.whl")):
        wheels.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "-d", str(wheels), "django", "sqlalchemy"],
            check=True,
        )
    if not src.exists():
        for whl in wheels.glob("*.whl"):
            with zipfile.ZipFile(whl) as z:
                z.extractall(src / whl.stem)
    return src


def floor(paths: list[str]) -> float:
    gc.disable()  # as `collect` does
    try:
        start = time.perf_counter()
        for path in iter_python_files(paths):
            with contextlib.suppress(SyntaxError, ValueError, UnicodeDecodeError):
                ast.parse(read_source(path))
        return time.perf_counter() - start
    finally:
        gc.enable()


def full(paths: list[str], jobs: int | None) -> tuple[float, int]:
    start = time.perf_counter()
    results, _ = collect(paths, jobs=jobs)
    return time.perf_counter() - start, sum(len(d) for _, d, _ in results)


def generated_module(n_lines: int = 5000) -> str:
    parts = [
        "from abc import ABC, abstractmethod\n\n\nclass Base(ABC):\n    @abstractmethod\n    def run(self, x): ...\n"
    ]
    i = 0
    while sum(p.count("\n") for p in parts) < n_lines:
        parts.append(
            f"\n\nclass Impl{i}(Base):\n    def __init__(self):\n        self.items = []\n\n"
            f"    def run(self, x):\n        if x > {i}:\n            return x * {i}\n        return x\n\n"
            f"    def add(self, y):\n        self.items.append(y)\n\n\nclass Holder{i}:\n"
            f"    def __init__(self, impl: Base):\n        self.impl = impl\n\n"
            f"    def go(self, v):\n        return self.impl.run(v)\n"
        )
        i += 1
    return "".join(parts)


def hover_p95(runs: int = 400) -> tuple[float, float, int]:
    source = generated_module()
    analysis = analyze_source(source, "generated.py")  # analysed once per version, then cached
    lines = source.split("\n")
    positions = [(n, line.index("class ") + 6) for n, line in enumerate(lines) if line.startswith("class ")]
    times = []
    for k in range(runs):
        line, col = positions[k % len(positions)]
        start = time.perf_counter()
        hover_markdown(analysis, line, col)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    start = time.perf_counter()
    analyze_source(source, "generated.py")
    analyse_ms = (time.perf_counter() - start) * 1000
    return times[int(len(times) * 0.95)], analyse_ms, len(lines)


def timed(cmd: list[str], env: dict[str, str] | None = None) -> float:
    """Wall seconds of the whole process; its CPU seconds (with its workers') go to ``CPU``."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    took = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise subprocess.CalledProcessError(proc.returncode, cmd)
    CPU.append(usage.ru_utime + usage.ru_stime)
    return took


# CPU seconds of each process timed, in order (user + system, the forked workers included: the
# process waits for them). On a loaded machine wall times stretch; CPU times much less.
CPU: list[float] = []


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=0, help="processes on both sides (default: one per CPU)")
    parser.add_argument("--in-process", action="store_true", help="also time `collect` in this process (old method)")
    parser.add_argument("--before", metavar="REV", help="also time the engine at this git revision, paired")
    parser.add_argument(
        "--also",
        nargs="+",
        default=[],
        metavar="FILE",
        help="with --before: more files taken at REV on that side (detector files a speed change touched)",
    )
    parser.add_argument(
        "--whole",
        action="store_true",
        help="with --before: every file of the engine at REV, detectors included (two sessions' engines side by side)",
    )
    args = parser.parse_args()
    src = fetch()
    paths = [str(p) for p in sorted(src.iterdir())]
    n_files = sum(1 for _ in iter_python_files(paths))
    names = ", ".join(p.name for p in sorted(src.iterdir()))
    jobs = args.jobs or (os.cpu_count() or 1)
    print(f"corpus: {names}: {n_files} .py files; {jobs} process(es) on both sides")
    # Like with like: two whole processes, as a user runs them, with the same number of
    # processes; the order alternates so neither always runs on a warmer cache.
    agentls = [sys.executable, "-m", "agentls", "patterns", "--format", "json", "--jobs", str(jobs), *paths]
    floor_cmd = [sys.executable, str(ROOT / "bench" / "patterns_floor.py"), "--jobs", str(jobs), *paths]
    before_env = after_env = None
    if args.before:
        # Both sides are copies made now: others may be editing the tree during the runs.
        from patterns_same_output import snapshot

        before_dir = snapshot("speed-before", args.before, whole=args.whole)
        for rel in args.also:  # (the snapshot lists the engine's files itself)
            shown = subprocess.run(["git", "show", f"{args.before}:{rel}"], cwd=ROOT, capture_output=True, check=True)
            (before_dir / rel).write_bytes(shown.stdout)
        before_env = {**os.environ, "PYTHONPATH": str(before_dir / "server")}
        after_env = {**os.environ, "PYTHONPATH": str(snapshot("speed-after", None) / "server")}
    # An installed agentls runs from compiled bytecode (pip compiles at install time). The
    # snapshots are copied without __pycache__ and PYTHONDONTWRITEBYTECODE may be set, so
    # without this every timed run would compile the engine's ~100 modules (~0.26 s CPU).
    sides_servers = {Path(env["PYTHONPATH"]) for env in (before_env, after_env) if env} or {ROOT / "server"}
    for server in sides_servers:
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(server)], check=True)
    timed(floor_cmd)  # warm the page cache once
    floors, fulls, befores = [], [], []
    cpus: list[dict[str, float]] = []
    for run in range(args.runs):
        sides = ["floor", "agentls", "before"] if before_env else ["floor", "agentls"]
        took, cpu = {}, {}
        for side in sides if run % 2 == 0 else sides[::-1]:
            if side == "floor":
                took[side] = timed(floor_cmd)
            else:
                took[side] = timed(agentls, before_env if side == "before" else after_env)
            cpu[side] = CPU[-1]
        f, t = took["floor"], took["agentls"]
        cpus.append(cpu)
        floors.append(f)
        fulls.append(t)
        extra = ""
        if before_env:
            befores.append(took["before"])
            extra = f"; engine at {args.before} {took['before']:.2f} s ({took['before'] / f:.2f}x)"
        load = os.getloadavg()[0]
        spent = ", ".join(f"{side} {c:.2f}" for side, c in cpu.items())
        print(f"run {run + 1}: floor {f:.2f} s, agentls patterns --format json {t:.2f} s ({t / f:.2f}x){extra}; "
              f"load {load:.1f}; CPU s: {spent}")
    mf, mt = statistics.median(floors), statistics.median(fulls)
    ratios = sorted(t / f for t, f in zip(fulls, floors, strict=True))
    print(
        f"median: floor {mf:.2f} s, agentls {mt:.2f} s, ratio of medians {mt / mf:.2f}x, "
        f"median of paired ratios {statistics.median(ratios):.2f}x (target <= 2x): "
        f"{'MET' if statistics.median(ratios) <= 2 else 'MISSED'}"
    )
    print("median CPU s (all processes): " + ", ".join(
        f"{side} {statistics.median(c[side] for c in cpus):.2f}" for side in cpus[0]
    ))
    if befores:
        old = sorted(b / f for b, f in zip(befores, floors, strict=True))
        gain = sorted(b / t for b, t in zip(befores, fulls, strict=True))
        print(
            f"engine at {args.before}: median {statistics.median(befores):.2f} s, median of paired ratios "
            f"{statistics.median(old):.2f}x; now {statistics.median(gain):.2f}x faster (median of paired)"
        )
    if args.in_process:
        gc.collect()
        f = floor(paths)
        t, n = full(paths, args.jobs or None)
        print(f"in process (old method, one-process floor): floor {f:.2f} s, collect {t:.2f} s, {n} detections")
    p95, analyse_ms, n_lines = hover_p95()
    print(f"hover on a {n_lines}-line module: p95 {p95:.3f} ms (target <= 15 ms); analysis {analyse_ms:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
