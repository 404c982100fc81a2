"""``agentls patterns``: report the design patterns and smells found in Python files.

Two passes (``agentls.patterns.batch``): every file is parsed and indexed once, the indexes
form one workspace (so a strategy's interface in one module and its context in another are
connected), then every module is analysed against that workspace. Trees are dropped after
indexing.

Thresholds, layers and disabled patterns come from ``[tool.agentls.patterns]`` (see
``agentls.patterns.settings``).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from agentls.patterns.batch import Result, analyse_files, display_path, read_source
from agentls.patterns.model import Detection
from agentls.patterns.settings import PatternSettings

__all__ = ["collect", "display_path", "iter_python_files", "read_source"]

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


def collect(
    paths: list[str],
    smells: bool = True,
    jobs: int | None = None,
    settings: PatternSettings | None = None,
    retain: list[object] | None = None,
) -> tuple[list[Result], list[str]]:
    """Analyse every file: ([(display path, detections, problems)], [I/O errors]).

    Two passes (``agentls.patterns.batch``): parse and index each file, build one workspace
    from every index, then run the detectors against it; in worker processes too when there
    are many files. ``smells`` False turns the smells of ``settings`` off. ``retain`` receives
    the workspace (kept alive by a process that exits without freeing it).
    """
    settings = settings or PatternSettings()
    if not smells:
        settings = replace(settings, smells=False)
    return analyse_files(list(iter_python_files(paths)), settings, jobs or (os.cpu_count() or 1), retain)


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
    # Run as the process itself (not called in-process), the command exits without freeing
    # what it built: the workspace and the findings are kept alive, the collector stays off
    # (a collection would walk all of them), and the process ends with os._exit once the
    # output is flushed. Freeing them object by object, then the interpreter's teardown, took
    # 0.13 s of CPU after the answer was written (Django + SQLAlchemy).
    exit_now = getattr(args, "process", False)
    retain: list[object] | None = [] if exit_now else None
    if exit_now:
        gc.disable()
    results, errors = collect(
        args.paths, smells=not args.no_smells, jobs=args.jobs or None, settings=settings, retain=retain
    )
    code = _report(args, results, errors)
    if exit_now:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code


def _report(args: argparse.Namespace, results: list[Result], errors: list[str]) -> int:
    """Prints the findings as ``args`` asks; the exit status."""
    for error in errors:
        print(f"agentls patterns: {error}", file=sys.stderr)
    rows = [(path, d) for path, dets, _ in results for d in dets if d.confidence >= args.min_confidence]
    if args.fail_on_smells:
        rows = [(path, d) for path, d in rows if _is_smell(d)]
    if args.format == "json":
        # One write of the whole text: `json.dump` writes each of its 240,000 pieces (Django +
        # SQLAlchemy), and an unbuffered stdout (PYTHONUNBUFFERED, as containers and CI set it)
        # makes each a system call: 0.28 s of CPU into a pipe, 0.05 s this way.
        sys.stdout.write(json.dumps([as_json(path, d) for path, d in rows], indent=2, ensure_ascii=False) + "\n")
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
