"""``agentls patterns``: report the design patterns and smells found in Python files.

Two passes: every file is parsed and indexed once, the indexes form one workspace (so a
strategy's interface in one module and its context in another are connected), then each
module is analysed against that workspace. Trees are dropped after indexing.

Thresholds, layers and disabled patterns come from ``[tool.agentls.patterns]`` (see
``agentls.patterns.settings``).
"""

from __future__ import annotations

import argparse
import gc
import json
import multiprocessing
import os
import sys
import tokenize
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from queue import Empty
from typing import Any, TypeVar

from agentls.patterns.analysis import analyze_index, index_source, module_name_in
from agentls.patterns.facts import ModuleIndex
from agentls.patterns.model import Detection, ParseProblem
from agentls.patterns.settings import PatternSettings
from agentls.patterns.workspace import WorkspaceIndex

_SKIP_DIRS = frozenset({".venv", "venv", "node_modules", "__pycache__", "site-packages"})


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser(
        "patterns",
        help="find design and architecture patterns (and smells) in Python files",
        description="Report the design/architecture pattern roles and smells found in Python sources.",
    )
    p.add_argument("paths", nargs="*", default=["."], help="files or folders (default: the current folder)")
    p.add_argument("--format", default="text", choices=["text", "json"])
    p.add_argument("--min-confidence", type=float, default=0.5, help="hide detections below this (default 0.5)")
    p.add_argument("--no-smells", action="store_true", help="report patterns only")
    p.add_argument("--fail-on-smells", action="store_true",
                   help="report smells only, and exit 1 when there is one (pre-commit, CI)")
    p.add_argument("--jobs", "-j", type=int, default=0, help="worker processes (default: one per CPU; 1: none)")
    p.add_argument(
        "--config",
        metavar="FILE",
        help="settings file (default: the nearest .agentls.toml, or pyproject.toml with [tool.agentls], "
        "above the first path); its [tool.agentls.patterns] (or [patterns]) sets thresholds and layers",
    )
    p.set_defaults(run=run)


def iter_python_files(paths: list[str]) -> Iterator[Path]:
    """Given files as they are; folders walked for *.py, skipping virtualenvs and hidden dirs."""
    for raw in paths:
        path = Path(raw)
        if path.is_file():
            yield path
            continue
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIP_DIRS)
            for name in sorted(files):
                if name.endswith(".py"):
                    yield Path(root) / name


def read_source(path: Path) -> str:
    """Decode as Python does: BOM or coding cookie, else UTF-8."""
    with tokenize.open(path) as handle:
        return handle.read()


def display_path(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


def _index_file(path: Path) -> tuple[str, ModuleIndex | None, list[ParseProblem], str | None]:
    shown = display_path(path)
    try:
        source = read_source(path)
    except (OSError, SyntaxError, UnicodeDecodeError, LookupError) as exc:
        return shown, None, [], f"{shown}: cannot read: {exc}"
    index, problems = index_source(source, shown, _module_name(path, shown))
    return shown, index, problems, None


def _module_name(path: Path, shown: str) -> str:
    """The dotted name, from packages; for namespace packages (no ``__init__.py``), from the
    path below the current folder (the language server's index names files the same way,
    relative to the workspace folder)."""
    return module_name_in(str(path), shown)


# Set before forking the workers, which inherit it instead of receiving a copy: the files to
# index, then the workspace and the modules to analyse.
_FILES: list[Path] = []
_SHARED: tuple[WorkspaceIndex, list[tuple[str, ModuleIndex, list[ParseProblem]]], object] | None = None
_Row = tuple[str, ModuleIndex | None, list[ParseProblem], str | None]
_Result = tuple[str, list[Detection], list[ParseProblem]]
T = TypeVar("T")


def _index_chunk(bounds: tuple[int, int]) -> list[_Row]:
    return [_index_file(f) for f in _FILES[bounds[0] : bounds[1]]]


def _analyse_chunk(bounds: tuple[int, int]) -> list[_Result]:
    assert _SHARED is not None
    ws, indexed, settings = _SHARED
    out = []
    for shown, index, problems in indexed[bounds[0] : bounds[1]]:
        analysis = analyze_index(index, ws, settings, problems)  # type: ignore[arg-type]
        out.append((shown, analysis.all(), analysis.problems))
    return out


def _chunks(n: int, jobs: int) -> list[tuple[int, int]]:
    step = max(n // (jobs * 8), 1)
    return [(i, min(i + step, n)) for i in range(0, n, step)]


def _claim(counter: Any, n: int) -> int | None:
    with counter.get_lock():
        i = int(counter.value)
        counter.value = i + 1
    return i if i < n else None


def _worker(work: Callable[[tuple[int, int]], T], chunks: list[tuple[int, int]], counter: Any, queue: Any) -> None:
    while (i := _claim(counter, len(chunks))) is not None:
        queue.put((i, work(chunks[i])))
    queue.put((None, None))


def _shared_run(work: Callable[[tuple[int, int]], list[T]], n: int, jobs: int) -> list[T]:
    """``work`` over ``n`` items split in chunks, by ``jobs - 1`` forked workers *and* this
    process, each claiming the next chunk as it gets free (the machine may be busy with other
    things). This process keeps what it computes without pickling it, and unpacks the
    workers' results while they are still running. Chunks a dead worker claimed are redone
    here, so the result is always complete and in order. One job: no process at all."""
    if jobs <= 1:
        return work((0, n))
    chunks = _chunks(n, jobs)
    context = multiprocessing.get_context("fork")
    counter = context.Value("l", 0)
    queue = context.Queue()
    procs = [context.Process(target=_worker, args=(work, chunks, counter, queue)) for _ in range(jobs - 1)]
    for proc in procs:
        proc.start()
    done: dict[int, list[T]] = {}
    running = len(procs)

    def receive(block: bool) -> None:
        nonlocal running
        while running:
            try:
                i, rows = queue.get(block, 0.1) if block else queue.get_nowait()
            except Empty:
                if not block or not any(p.is_alive() for p in procs):
                    return
                continue
            if i is None:
                running -= 1
            else:
                done[i] = rows

    try:
        while (i := _claim(counter, len(chunks))) is not None:
            done[i] = work(chunks[i])
            receive(block=False)
        receive(block=True)
    finally:
        for proc in procs:
            proc.join(1)
            if proc.is_alive():
                proc.kill()
                proc.join()
        queue.close()
    for i, bounds in enumerate(chunks):
        if i not in done:  # claimed by a worker that died
            done[i] = work(bounds)
    return [row for i in range(len(chunks)) for row in done[i]]


def collect(
    paths: list[str], smells: bool = True, jobs: int | None = None, settings: PatternSettings | None = None
) -> tuple[list[_Result], list[str]]:
    """Analyse every file: ([(display path, detections, problems)], [I/O errors]).

    Two passes: parse and index each file (in worker processes too when there are many), build
    one workspace from every index, then run the detectors per module against it. ``smells``
    False turns the smells of ``settings`` off.
    """
    global _FILES, _SHARED
    settings = settings or PatternSettings()
    if not smells:
        settings = replace(settings, smells=False)
    files = list(iter_python_files(paths))
    jobs = jobs or (os.cpu_count() or 1)
    parallel = jobs > 1 and len(files) >= 64 and "fork" in multiprocessing.get_all_start_methods()
    workers = jobs if parallel else 1
    errors: list[str] = []
    indexed: list[tuple[str, ModuleIndex, list[ParseProblem]]] = []
    # Everything allocated here lives until the end of the run: generational GC passes would
    # only rescan it.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        _FILES = files
        rows = _shared_run(_index_chunk, len(files), workers)
        _FILES = []
        for shown, index, problems, error in rows:
            if error is not None:
                errors.append(error)
            elif index is not None:
                indexed.append((shown, index, problems))
        ws = WorkspaceIndex([index for _, index, _ in indexed])
        _SHARED = (ws, indexed, settings)
        results = _shared_run(_analyse_chunk, len(indexed), workers)
    finally:
        _FILES = []
        _SHARED = None
        if gc_was_enabled:
            gc.enable()
    return results, errors


def as_json(path: str, d: Detection) -> dict[str, object]:
    return {
        "path": path,
        "symbol": d.symbol,
        "kind": d.kind,
        "line": d.range.line + 1,
        "end_line": d.range.end_line + (0 if d.range.end_col == 0 and d.range.end_line > d.range.line else 1),
        "pattern": d.pattern,
        "role": d.role,
        "confidence": d.confidence,
        "evidence": [{"line": e.range.line + 1, "reason": e.reason} for e in d.evidence],
        "participants": [
            {"symbol": p.symbol, "role": p.role, "line": p.line + 1, "path": p.path or path} for p in d.participants
        ],
    }


def load_settings(paths: list[str], config: str | None = None) -> PatternSettings | None:
    """``--config``, else the project's configuration above the first path (the current folder
    when none is given); None, with a message, when ``--config`` names no file."""
    from agentls import config as configuration

    if config:
        if not Path(config).is_file():
            print(f"agentls patterns: no such settings file: {config}", file=sys.stderr)
            return None
        return configuration.load_file(Path(config)).patterns.engine
    return configuration.load(Path(paths[0] if paths else ".")).patterns.engine


def run(args: argparse.Namespace) -> int:
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        print(f"agentls patterns: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    if not 0.0 <= args.min_confidence <= 1.0:
        print("agentls patterns: --min-confidence must be between 0 and 1", file=sys.stderr)
        return 2
    if args.jobs < 0:
        print("agentls patterns: --jobs must be 0 (one per CPU) or more", file=sys.stderr)
        return 2
    settings = load_settings(args.paths, getattr(args, "config", None))
    if settings is None:
        return 2
    results, errors = collect(args.paths, smells=not args.no_smells, jobs=args.jobs or None, settings=settings)
    for error in errors:
        print(f"agentls patterns: {error}", file=sys.stderr)
    rows = [(path, d) for path, dets, _ in results for d in dets if d.confidence >= args.min_confidence]
    if args.fail_on_smells:
        rows = [(path, d) for path, d in rows if _is_smell(d)]
    if args.format == "json":
        json.dump([as_json(path, d) for path, d in rows], sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        for path, d in rows:
            print(f"{path}:{d.range.line + 1}: {d.symbol} plays {d.pattern}/{d.role} ({d.confidence:.2f})")
            for e in d.evidence[:3]:
                print(f"    l. {e.range.line + 1}: {e.reason}")
        for path, _, problems in results:
            for p in problems:
                print(f"{path}:{p.line + 1}:{p.col + 1}: note: {p.message} (analysed what parses)", file=sys.stderr)
        print(f"{len(rows)} detection(s) in {len(results)} file(s)")
    if errors and not results:
        return 2
    return 1 if args.fail_on_smells and rows else 0


def _is_smell(d: Detection) -> bool:
    from agentls.patterns import detector_registry as registry

    detector = registry.get(d.pattern)
    return detector is not None and detector.category == "smell"
