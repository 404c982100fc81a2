"""The floor for `agentls patterns`: read and `ast.parse` the same files, with the same number
of processes, as a whole process (interpreter start-up included).

    python bench/patterns_floor.py [--jobs N] PATH...

It walks the paths as the CLI does (``iter_python_files``), decodes each file as Python does,
parses it, and prints the number of files parsed. ``--jobs`` defaults to one process per CPU,
as `agentls patterns` does; the files are split into the same kind of chunks.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import gc
import multiprocessing
import os
import sys
import tokenize
from pathlib import Path

SKIP = frozenset({".venv", "venv", "node_modules", "__pycache__", "site-packages"})


def files_under(paths: list[str]) -> list[Path]:
    out = []
    for raw in paths:
        path = Path(raw)
        if path.is_file():
            out.append(path)
            continue
        for root, dirs, names in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIP)
            out.extend(Path(root) / n for n in sorted(names) if n.endswith(".py"))
    return out


def parse_all(files: list[Path]) -> int:
    done = 0
    for f in files:
        with contextlib.suppress(SyntaxError, ValueError, UnicodeDecodeError, OSError):
            with tokenize.open(f) as handle:
                ast.parse(handle.read())
            done += 1
    return done


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=0)
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args()
    gc.disable()  # as `agentls patterns` runs
    files = files_under(args.paths)
    jobs = args.jobs or os.cpu_count() or 1
    if jobs <= 1 or len(files) < 64:
        print(parse_all(files))
        return 0
    # The same chunks as `agentls patterns` (batch._chunks): shrinking as they go.
    chunks, i = [], 0
    while i < len(files):
        step = max((len(files) - i) // (jobs * 4), 8)
        chunks.append(files[i : i + step])
        i += step
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        print(sum(pool.map(parse_all, chunks)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
