"""Speed of `agentls patterns` against the floor (a bare `ast.parse` of the same files).

    python bench/patterns_speed.py [--runs 5] [--jobs N]

Downloads the Django and SQLAlchemy wheels once into bench/.work/ (`pip download --no-deps`),
unpacks them, then for each run, in one process: reads + `ast.parse`s every .py file (the
floor), and runs the full `agentls patterns` analysis (read, parse, index, workspace, every
detector and smell) over the same files. Prints per-run times and medians, and the ratio
(target <= 2x). Then times hover on a generated 5,000-line module (target p95 <= 15 ms).

Both sides run under the same conditions: the same reading and decoding (``read_source``), and
the cyclic GC off (``collect`` turns it off for its run; a floor paying for GC passes the tool
avoids would flatter the ratio by ~20%). ``--jobs`` is passed to ``collect`` (default: one
worker per CPU, as the CLI; 1: a single process).
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import gc
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


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=0, help="worker processes (default: one per CPU; 1: none)")
    args = parser.parse_args()
    src = fetch()
    paths = [str(p) for p in sorted(src.iterdir())]
    n_files = sum(1 for _ in iter_python_files(paths))
    names = ", ".join(p.name for p in sorted(src.iterdir()))
    print(f"corpus: {names}: {n_files} .py files; jobs: {args.jobs or 'one per CPU'}")
    floors, fulls = [], []
    for run in range(args.runs):
        gc.collect()
        f = floor(paths)
        gc.collect()
        t, n = full(paths, args.jobs or None)
        floors.append(f)
        fulls.append(t)
        print(f"run {run + 1}: ast.parse floor {f:.2f} s, agentls patterns {t:.2f} s ({t / f:.2f}x), {n} detections")
    mf, mt = statistics.median(floors), statistics.median(fulls)
    print(f"median: floor {mf:.2f} s, agentls patterns {mt:.2f} s, ratio {mt / mf:.2f}x (target <= 2x)")
    p95, analyse_ms, n_lines = hover_p95()
    print(f"hover on a {n_lines}-line module: p95 {p95:.3f} ms (target <= 15 ms); analysis {analyse_ms:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
