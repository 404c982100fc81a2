"""Analyse many files at once, as ``agentls patterns`` does: every file is read, parsed and
indexed once, the indexes form one workspace, then the detectors run against it.

With more than one job both passes are shared with forked worker processes, which inherit
what they need (the file list, then the workspace) instead of receiving a copy:

- indexing is split by files: each process indexes the chunks it claims, and the workers'
  indexes come back pickled;
- the analysis is split by *detector*, not by module. A detector builds its workspace-wide
  maps (every aggregate root, every factory, who holds whom) once per process: split by
  module, every process built every map, so a second process saved almost nothing. Split by
  detector, each map is built by the one process running its detector. The detectors that
  build the maps most DDD detectors read (repositories, entities, messages) run in this
  process, one after the other (``_PINNED``); the workers claim the others, heaviest first,
  once the workspace exists, and this process joins them when its own are done. Before
  forking, only the per-class maps every detector reads are built (``_shared_maps``), which
  each process would otherwise build for itself: the other cores wait no longer than they
  would have worked. Each module's findings are then merged as one process would
  (``analysis.assemble``), so the output is the same whatever the number of jobs.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import tokenize
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from queue import Empty
from typing import Any, TypeVar

from agentls.patterns.analysis import (
    Found,
    active_detectors,
    analyze_index,
    assemble,
    index_source,
    module_name_in,
    run_detector,
)
from agentls.patterns.context import Ctx
from agentls.patterns.detector_registry import Detector, detectors
from agentls.patterns.facts import ModuleIndex
from agentls.patterns.model import Detection, ModuleAnalysis, ParseProblem
from agentls.patterns.settings import PatternSettings
from agentls.patterns.workspace import WorkspaceIndex

Row = tuple[str, ModuleIndex | None, list[ParseProblem], str | None]
Result = tuple[str, list[Detection], list[ParseProblem]]
Indexed = tuple[str, ModuleIndex, list[ParseProblem]]
A = TypeVar("A")
T = TypeVar("T")

# Fewer files than this are not worth a process.
MIN_FILES_PER_RUN = 64
# Scheduling hints for the analysis split by detector, measured on Django + SQLAlchemy (the
# findings do not depend on them, only the time does). ``_PINNED`` runs in this process, in
# this order: the repository and entity evidence that 15 and 8 detectors read, then the
# detectors reading most of it (the message roles of aggregate, value object, domain event,
# CQRS and message bus; the service layer; the data mapper, which reads entity and repository
# evidence for every class...), so that those maps are built once, by the process that uses
# them. (Registry, domain service and unit of work are left to be claimed: they read mostly
# repository evidence, which the workers' composite, facade and dependency injection build
# too, so they move about 0.15 s of CPU off this process, the longer of the two, while the
# two processes' CPU stays the same.) The other detectors are claimed by whichever process
# is free, in
# ``_GROUPS`` (detectors that build the same maps: factory and abstract factory), heaviest
# first; detectors not named here come last, in registry order.
_PINNED = (
    "repository",
    "entity",
    "aggregate",
    "value_object",
    "domain_event",
    "cqrs_command",
    "cqrs_query",
    "message_bus",
    "service_layer",
    "data_mapper",
    # The held families of bridge, strategy and state: strategy's families handed to a method
    # read the message roles and repository evidence built above; claimed by a worker, they
    # were built again there (0.5 s of CPU over Django + SQLAlchemy, a tenth of the analysis).
    "bridge",
    "strategy",
    "state",
    # The wrappers ask whether a wrapper holds a bridge's implementor (the held families just
    # built) and whether it runs as a command (the command families the command detector
    # reads): claimed by a worker, both maps were built there again (the worker's detectors
    # 3.6 -> 3.0 s of CPU on a fresh workspace; the whole run 11.13 -> 10.65 s, 5 paired).
    "adapter",
    "decorator",
    "proxy",
    "command",
)
_GROUPS = (
    ("builder",),
    ("factory", "abstract_factory"),
    ("dependency_injection",),
    ("observer",),
    ("mediator",),
    ("composite",),
    ("visitor",),
    ("prototype",),
    ("memento",),
    ("specification",),
    ("outbox",),
)


def read_source(path: Path) -> str:
    """Decode as Python does: BOM or coding cookie, else UTF-8."""
    with tokenize.open(path) as handle:
        return handle.read()


def display_path(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


def index_file(path: Path, base: str | None = None) -> Row:
    """(shown path, index, parse problems, error): the dotted name from packages, or for
    namespace packages from the path below the current folder (as the language server names
    files relative to the workspace folder), or, for files outside it, below ``base``, the
    folder holding every file of the run (else `adapter/entities.py` and
    `factory/entities.py` of one tree run from elsewhere would both be `entities`, one key
    for their classes)."""
    shown = display_path(path)
    try:
        source = read_source(path)
    except (OSError, SyntaxError, UnicodeDecodeError, LookupError) as exc:
        return shown, None, [], f"{shown}: cannot read: {exc}"
    below = shown
    if base is not None and shown.split(os.sep, 1)[0] == os.pardir:
        below = os.path.relpath(os.path.abspath(path), base)
    index, problems = index_source(source, shown, module_name_in(str(path), below))
    return shown, index, problems, None


def common_folder(files: list[Path]) -> str | None:
    """The folder holding every file (absolute), or None when there is none (other drives)."""
    try:
        return os.path.commonpath([os.path.dirname(os.path.abspath(f)) for f in files]) if files else None
    except ValueError:
        return None


def analyse_files(
    files: list[Path], settings: PatternSettings, jobs: int, retain: list[object] | None = None
) -> tuple[list[Result], list[str]]:
    """Every file's (shown path, detections, problems) in order, and the read errors.
    ``retain``: the workspace is appended to it, for a process about to exit that would rather
    not free it object by object (0.13 s of CPU over Django + SQLAlchemy)."""
    fork = "fork" in multiprocessing.get_all_start_methods()
    workers = jobs if jobs > 1 and len(files) >= MIN_FILES_PER_RUN and fork else 1
    errors: list[str] = []
    indexed: list[Indexed] = []
    # Everything allocated here lives until the end of the run: generational GC passes would
    # only rescan it.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        # The detectors' modules are imported by this process while the workers index.
        index_chunk = partial(_index_chunk, files, common_folder(files))
        rows = run_shared(_chunks(len(files), workers), index_chunk, workers, first=detectors)
        for chunk in rows:
            for shown, index, problems, error in chunk:
                if error is not None:
                    errors.append(error)
                elif index is not None:
                    indexed.append((shown, index, problems))
        ws = WorkspaceIndex([index for _, index, _ in indexed])
        if retain is not None:
            retain.append(ws)
        if workers == 1:
            results = [
                _analysis(shown, analyze_index(i, ws, settings, problems, with_outline=False))
                for shown, i, problems in indexed
            ]
        else:
            results = _analyse_by_detector(indexed, ws, settings, workers)
    finally:
        if gc_was_enabled:
            gc.enable()
    return results, errors


def _analysis(shown: str, analysis: ModuleAnalysis) -> Result:
    return shown, analysis.all(), analysis.problems


def _index_chunk(files: list[Path], base: str | None, bounds: tuple[int, int]) -> list[Row]:
    return [index_file(f, base) for f in files[bounds[0] : bounds[1]]]


def _chunks(n: int, jobs: int) -> list[tuple[int, int]]:
    """Files in chunks that shrink as they go (a quarter of each process's share of what is
    left, at least eight files): few claims at the start, and at the end no process waits long
    for another's last chunk and its pickled indexes."""
    out = []
    i = 0
    while i < n:
        step = max((n - i) // (jobs * 4), 8)
        out.append((i, min(i + step, n)))
        i += step
    return out


def _analyse_by_detector(
    indexed: list[Indexed], ws: WorkspaceIndex, settings: PatternSettings, jobs: int
) -> list[Result]:
    active = active_detectors(settings)
    ctxs = [Ctx(index, ws, settings) for _, index, _ in indexed]
    if ctxs:
        _shared_maps(ctxs[0])
    position = {pattern_id: i for i, (pattern_id, _) in enumerate(active)}
    pinned = [position[p] for p in _PINNED if p in position]
    groups = [[position[p] for p in group if p in position] for group in _GROUPS]
    claimed = {i for group in groups for i in group} | set(pinned)
    groups += [[i] for i in range(len(active)) if i not in claimed]
    tasks = [pinned, *(g for g in groups if g)]
    found: dict[int, list[Found]] = {}
    detected = run_shared(tasks, partial(_detect_everywhere, active, ctxs), jobs, own=1 if pinned else 0)
    for group, results in zip(tasks, detected, strict=True):
        found.update(zip(group, results, strict=True))
    out = []
    for m, (shown, index, problems) in enumerate(indexed):
        analysis = assemble(index, active, [found[d][m] for d in range(len(active))], problems, with_outline=False)
        out.append(_analysis(shown, analysis))
    return out


def _shared_maps(ctx: Ctx) -> None:
    """Every class's ancestors, descendants, methods and collaborators, before forking: nearly
    every detector reads them, so each process built them all (0.27 s of CPU over Django +
    SQLAlchemy in one process, the structural Protocols behind ``bases`` and the names
    resolved on the way included). Built here once, they cost the workers nothing and this
    process what it would have spent anyway."""
    for ref in ctx.ws.all_classes():
        ctx.ancestors(ref)
        ctx.descendants(ref)
        ctx.all_methods(ref)
        ctx.collabs(ref)


def _detect_everywhere(active: list[tuple[str, Detector]], ctxs: list[Ctx], group: list[int]) -> list[list[Found]]:
    """Each detector of ``group`` over every module."""
    return [[run_detector(*active[i], ctx) for ctx in ctxs] for i in group]


# -- sharing work with forked processes -------------------------------------------------------


def _claim(counter: Any, n: int) -> int | None:
    with counter.get_lock():
        i = int(counter.value)
        counter.value = i + 1
    return i if i < n else None


def _worker(work: Callable[[A], T], tasks: Sequence[A], counter: Any, queue: Any) -> None:
    while (i := _claim(counter, len(tasks))) is not None:
        queue.put((i, work(tasks[i])))
    queue.put((None, None))


def run_shared(
    tasks: Sequence[A],
    work: Callable[[A], T],
    jobs: int,
    own: int = 0,
    first: Callable[[], object] | None = None,
) -> list[T]:
    """``[work(t) for t in tasks]``, by ``jobs - 1`` forked workers *and* this process, each
    claiming the next task as it gets free (the machine may be busy with other things). The
    first ``own`` tasks are this process's alone, done before it claims any other; ``first``
    runs here right after forking, while the workers already claim tasks. This process keeps
    what it computes without pickling it, and unpacks the workers' results while they are
    still running. Tasks a dead worker claimed are redone here, so the result is always
    complete and in order. One job: no process at all."""
    if jobs <= 1:
        if first is not None:
            first()
        return [work(t) for t in tasks]
    context = multiprocessing.get_context("fork")
    counter = context.Value("l", own)
    queue = context.Queue()
    procs = [context.Process(target=_worker, args=(work, tasks, counter, queue)) for _ in range(jobs - 1)]
    for proc in procs:
        proc.start()
    done: dict[int, T] = {}
    running = len(procs)

    def receive(block: bool) -> None:
        nonlocal running
        while running:
            try:
                i, result = queue.get(block, 0.1) if block else queue.get_nowait()
            except Empty:
                if not block or not any(p.is_alive() for p in procs):
                    return
                continue
            if i is None:
                running -= 1
            else:
                done[i] = result

    try:
        if first is not None:
            first()
        for mine in range(min(own, len(tasks))):
            done[mine] = work(tasks[mine])
            receive(block=False)
        while (i := _claim(counter, len(tasks))) is not None:
            done[i] = work(tasks[i])
            receive(block=False)
        receive(block=True)
    finally:
        for proc in procs:
            proc.join(1)
            if proc.is_alive():
                proc.kill()
                proc.join()
        queue.close()
    for i, task in enumerate(tasks):
        if i not in done:  # claimed by a worker that died
            done[i] = work(task)
    return [done[i] for i in range(len(tasks))]
