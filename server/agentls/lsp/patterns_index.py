"""The workspace's Python files, indexed in the background for the pattern features.

Hovering ``AbstractRepository`` should name ``SqlAlchemyRepository`` even when only one of the
two files is open: the pattern engine needs every module's facts (``ModuleIndex``), not just
the open documents'. Once the settings are known (the end of ``initialized``), and again when
the workspace folders or the relevant settings change, a *walk* lists each folder's Python
files (``agentls.patterns.files``: hidden folders, virtualenvs, ``.gitignore`` and the
``patterns.exclude`` globs are skipped; at most ``patterns.maxFiles``), then parses and
indexes them on the event loop in slices of a few milliseconds, yielding between slices so
that hover, completion and edits are answered meanwhile. A new walk cancels the running one;
``shutdown`` cancels it too. With a client that supports it, the walk reports work-done
progress (cancellable from the editor).

Indexed modules are staged and added to the shared ``WorkspaceIndex`` at the end of the walk
(and during a long one, after ``COMMIT_EVERY`` seconds of the walk's own work once the staged
modules are at least as many as the committed ones): each addition changes ``generation``, which
every cached analysis keys on, and the next hover re-analyses its module against the whole grown
workspace (seconds at 3,000 modules). Counted in wall time, that re-analysis itself made the next
commit due: one slice, one commit, one re-analysis, over and over (139 s to index 3,030 modules,
hover p95 11 s). Counted in work time and doubling, a walk commits O(log n) times. Open documents always
win: the disk copy of an open file is never committed over it. Files reported by
``workspace/didChangeWatchedFiles`` are re-indexed or removed; a closed document falls back to
its disk copy. Names are the CLI's (``module_name_in`` relative to the workspace folder), so
the editor and ``agentls patterns`` run from the folder agree.

Everything here runs on the event loop thread; the index itself is only touched under the
features' lock (pygls may run other handlers on worker threads).
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
import time
import tokenize
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lsprotocol import types as t
from pygls.workspace import TextDocument

from agentls.lsp import engine_modules as engines
from agentls.lsp.gc_hold import GcHold
from agentls.lsp.patterns_index_config import PatternsIndexConfig, workspace_roots
from agentls.lsp.server import AgentLanguageServer
from agentls.lsp.walk_commits import CommitLog
from agentls.lsp.work_progress import WorkProgress

if TYPE_CHECKING:
    from agentls.patterns.facts import ModuleIndex
    from agentls.patterns.files import FolderScope
    from agentls.patterns.workspace import WorkspaceIndex

log = logging.getLogger(__name__)

SLICE = 0.005  # seconds of indexing between two yields to the event loop
COMMIT_EVERY = 5.0  # seconds of indexing work (not wall time) between two commits of a long walk
# A real pause, not sleep(0): a request read meanwhile is answered before the next slice starts
# (with sleep(0) the next slice runs first; hover p50 during indexing was 13 ms instead of 3).
YIELD = 0.0005
REPORT_EVERY = 0.25  # seconds between two progress reports
WATCH_GLOBS = ("**/*.py",)


def is_python(doc: TextDocument) -> bool:
    return doc.language_id == "python" or doc.uri.endswith((".py", ".pyi"))


@dataclass
class _Staged:
    index: ModuleIndex
    digest: str
    stamp: tuple[int, int]
    epoch: int


def _read(path: str) -> str:
    """Decode as Python does: BOM or coding cookie, else UTF-8."""
    with tokenize.open(path) as handle:
        return handle.read()


class WorkspaceIndexer:
    def __init__(self, workspace: WorkspaceIndex, lock: threading.Lock) -> None:
        self.workspace = workspace
        self._lock = lock
        self.config: PatternsIndexConfig | None = None
        self.scopes: list[FolderScope] = []
        self._walk: asyncio.Task[None] | None = None
        self._stop = threading.Event()  # tells the listing thread of the current walk to stop
        self._drain: asyncio.Task[None] | None = None
        self._pending: dict[str, None] = {}  # paths reported changed, in order
        self._epoch: dict[str, int] = {}  # bumped by each report about a path
        self._disk: dict[str, tuple[int, int]] = {}  # committed disk copies: (mtime_ns, size)
        self._names: dict[str, str | None] = {}
        self._refreshed = -1  # the index generation the open documents' diagnostics reflect
        self.commits = CommitLog()  # the current walk's (hover answers across them: walk_commits)
        self._gc = GcHold()
        self.registered_watchers = False

    # -- names -----------------------------------------------------------------------------
    def scope_of(self, path: str) -> FolderScope | None:
        best: FolderScope | None = None
        for scope in self.scopes:
            if scope.relative(path) is not None and (best is None or len(scope.root) > len(best.root)):
                best = scope
        return best

    def module_name(self, ls: AgentLanguageServer, path: str) -> str | None:
        """The CLI's dotted name for a file in a workspace folder (None: outside every folder)."""
        if path in self._names:
            return self._names[path]
        if self.config is None and not self.scopes:  # a document opened before `initialized` ended
            self.scopes = [engines.files.FolderScope(root) for root in workspace_roots(ls)]
        scope = self.scope_of(path)
        rel = scope.relative(path) if scope is not None else None
        name = engines.analysis.module_name_in(path, rel) if rel is not None else None
        if len(self._names) > 50_000:
            self._names.clear()
        self._names[path] = name
        return name

    @property
    def active(self) -> bool:
        return self.config is not None and self.config.enabled

    @property
    def walking(self) -> bool:
        return self._walk is not None and not self._walk.done()

    # -- walks -----------------------------------------------------------------------------
    def reconfigure(self, ls: AgentLanguageServer) -> None:
        """Start a walk if the folders or the settings that decide what to index changed."""
        config = PatternsIndexConfig.of(ls)
        if config == self.config:
            return
        self.cancel()
        self.config = config
        self.scopes = [engines.files.FolderScope(root, config.exclude) for root in config.roots]
        self._names.clear()
        if config.enabled and config.roots:
            self._stop = threading.Event()
            self.commits.clear()
            self._walk = asyncio.ensure_future(self._run_walk(ls, config, self._stop))

    def cancel(self) -> None:
        self._stop.set()
        if self._walk is not None and not self._walk.done():
            self._walk.cancel()
        self._walk = None

    def shutdown(self, ls: AgentLanguageServer) -> None:
        self.cancel()
        if self._drain is not None and not self._drain.done():
            self._drain.cancel()
        self.config = PatternsIndexConfig(False, (), (), 0, 0)

    async def _run_walk(self, ls: AgentLanguageServer, config: PatternsIndexConfig, stop: threading.Event) -> None:
        progress = WorkProgress(ls, "agentls-patterns-index")
        message = "Cancelled"
        started = time.perf_counter()
        try:
            await progress.begin("Indexing Python files", "listing files", cancellable=True)
            message = await self._index_all(ls, config, stop, progress, started)
        except asyncio.CancelledError:
            message = "Cancelled"
            raise
        except Exception:
            log.exception("indexing the workspace's Python files failed")
            message = "Failed (see the log)"
        finally:
            stop.set()
            progress.end(message)

    async def _index_all(
        self,
        ls: AgentLanguageServer,
        config: PatternsIndexConfig,
        stop: threading.Event,
        progress: WorkProgress,
        started: float,
    ) -> str:
        listed: list[str] = []
        truncated = False
        for scope in self.scopes:
            left = config.max_files - len(listed)
            if left <= 0:
                truncated = True
                break
            files, more = await asyncio.to_thread(scope.list_files, left, stop.is_set)
            listed.extend(files)
            truncated = truncated or more
        listed = list(dict.fromkeys(listed))  # nested workspace folders
        total = len(listed)
        opened = self._open_paths(ls)
        staged: dict[str, _Staged] = {}
        done = indexed = 0
        stopped = False
        last_report = time.perf_counter()
        work = 0.0  # seconds spent indexing since the last commit, hovers and edits not counted
        self._gc.hold()
        try:
            slice_start = time.perf_counter()
            deadline = slice_start + SLICE
            for path in listed:
                done += 1
                if path not in opened and self._index_file(ls, path, config, staged, force=False):
                    indexed += 1
                now = time.perf_counter()
                if now < deadline:
                    continue
                work += now - slice_start
                if work >= COMMIT_EVERY and len(staged) >= len(self._disk):
                    self._commit(ls, staged)
                    work = 0.0
                if now - last_report >= REPORT_EVERY:
                    last_report = now
                    progress.report(f"{done}/{total} files", int(100 * done / max(total, 1)))
                await asyncio.sleep(YIELD)  # let the server answer what arrived meanwhile
                if progress.cancelled_by_user():  # keep what is indexed; prune nothing
                    stopped = True
                    break
                opened = self._open_paths(ls)
                slice_start = time.perf_counter()
                deadline = slice_start + SLICE
            self._commit(ls, staged)
            if not stopped:
                self._prune(ls, set(listed))
        finally:
            self._gc.release(freeze=not stop.is_set())
        elapsed = time.perf_counter() - started
        log.info("pattern index: %d Python files (%d parsed) in %.2f s", total, indexed, elapsed)
        await self._refresh_open(ls)
        if stopped:
            return f"Stopped after {done} of {total} files"
        message = f"{total} Python files indexed"
        if truncated:
            message += f"; stopped at patterns.maxFiles = {config.max_files}"
        return message

    # -- one file --------------------------------------------------------------------------
    def _index_file(
        self, ls: AgentLanguageServer, path: str, config: PatternsIndexConfig, staged: dict[str, _Staged], force: bool
    ) -> bool:
        """Parse and index ``path`` into ``staged`` unless its committed copy is current."""
        try:
            st = os.stat(path)
        except OSError:
            return False
        stamp = (st.st_mtime_ns, st.st_size)
        if not force and self._disk.get(path) == stamp:
            return False
        if st.st_size > config.max_file_size:
            log.info("pattern index: %s is larger than maxFileSize; skipped", path)
            return False
        epoch = self._epoch.get(path, 0)
        try:
            source = _read(path)
        except (OSError, SyntaxError, UnicodeDecodeError, LookupError, ValueError):
            return False
        try:
            index, _ = engines.analysis.index_source(source, path, self.module_name(ls, path))
        except Exception:  # RecursionError, MemoryError on hostile files: leave it out
            log.info("pattern index: cannot index %s", path, exc_info=True)
            return False
        staged[path] = _Staged(index, engines.analysis.source_hash(source), stamp, epoch)
        return True

    def _open_paths(self, ls: AgentLanguageServer) -> set[str]:
        out = set()
        for uri in list(ls.workspace.text_documents):
            path = ls.path_of(uri)
            if path:
                out.add(os.path.normpath(path))
        return out

    def _commit(self, ls: AgentLanguageServer, staged: dict[str, _Staged]) -> None:
        if not staged:
            return
        opened = self._open_paths(ls)
        with self._lock:
            before = self.workspace.generation
            for path, s in staged.items():
                # Open documents win; a file reported changed since it was read is redone.
                if path in opened or self._epoch.get(path, 0) != s.epoch:
                    continue
                self.workspace.update(s.index, s.digest)
                self._disk[path] = s.stamp
            if self.walking:
                self.commits.record(before, self.workspace.generation)
        staged.clear()

    def _prune(self, ls: AgentLanguageServer, listed: set[str]) -> None:
        """Disk copies no longer listed (deleted, excluded, past maxFiles) leave the index."""
        opened = self._open_paths(ls)
        with self._lock:
            for path in [p for p in self._disk if p not in listed]:
                del self._disk[path]
                if path not in opened:
                    self.workspace.remove(path)

    # -- changes on disk and closed documents ----------------------------------------------
    def watched(self, ls: AgentLanguageServer, params: t.DidChangeWatchedFilesParams) -> None:
        if not self.active:
            return
        paths: list[str] = []
        for change in params.changes:
            raw = ls.path_of(change.uri)
            if not raw:
                continue
            path = os.path.normpath(raw)
            if path.endswith(".py"):
                paths.append(path)
            elif change.type == t.FileChangeType.Deleted:  # a folder: what it held goes too
                prefix = path + os.sep
                paths.extend(p for p in self._disk if p.startswith(prefix))
        self.schedule(ls, paths)

    def closed(self, ls: AgentLanguageServer, path: str) -> bool:
        """A document was closed: True when its disk copy will replace it in the index."""
        norm = os.path.normpath(path)
        if not self.active:
            return False
        scope = self.scope_of(norm)
        if scope is None or not scope.contains(norm) or not os.path.isfile(norm):
            return False
        self.schedule(ls, [norm])
        return True

    def schedule(self, ls: AgentLanguageServer, paths: Iterable[str]) -> None:
        for path in paths:
            self._epoch[path] = self._epoch.get(path, 0) + 1
            self._pending[path] = None
        if self._pending and (self._drain is None or self._drain.done()):
            self._drain = asyncio.ensure_future(self._run_drain(ls))

    async def _run_drain(self, ls: AgentLanguageServer) -> None:
        try:
            await asyncio.sleep(0)  # a burst of notifications becomes one pass
            while self._pending and self.config is not None:
                config = self.config
                staged: dict[str, _Staged] = {}
                deadline = time.perf_counter() + SLICE
                while self._pending and time.perf_counter() < deadline:
                    path = next(iter(self._pending))
                    del self._pending[path]
                    self._apply_change(ls, path, config, staged)
                self._commit(ls, staged)
                await asyncio.sleep(0)
            await self._refresh_open(ls)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("updating the pattern index failed")

    def _apply_change(
        self, ls: AgentLanguageServer, path: str, config: PatternsIndexConfig, staged: dict[str, _Staged]
    ) -> None:
        if path in self._open_paths(ls):
            return  # the open document is the truth; its close brings the disk copy back
        scope = self.scope_of(path)
        keep = config.enabled and scope is not None and os.path.isfile(path) and scope.contains(path)
        if keep and self._index_file(ls, path, config, staged, force=True):
            return
        with self._lock:  # deleted, out of scope now, or unreadable
            self._disk.pop(path, None)
            self.workspace.remove(path)

    # -- after a change --------------------------------------------------------------------
    async def _refresh_open(self, ls: AgentLanguageServer) -> None:
        """The index changed: recompute the open Python documents' diagnostics once."""
        if self.workspace.generation == self._refreshed:
            return
        self._refreshed = self.workspace.generation
        for uri, doc in list(ls.workspace.text_documents.items()):
            if not is_python(doc):
                continue
            try:
                ls.refresh(uri)
            except Exception:
                log.exception("refresh failed for %s", uri)
            await asyncio.sleep(0)
        if ls.pull_diagnostics and ls.can_refresh_diagnostics:
            try:
                await ls.workspace_diagnostic_refresh_async(None)
            except Exception:
                log.info("workspace/diagnostic/refresh failed")

    async def register_watchers(self, ls: AgentLanguageServer) -> None:
        if ls.watch_capability is None:
            return
        watchers = [t.FileSystemWatcher(glob_pattern=g) for g in WATCH_GLOBS]
        # A deleted folder is reported once, as the folder: watch deletions of anything.
        watchers.append(t.FileSystemWatcher(glob_pattern="**/*", kind=t.WatchKind.Delete))
        self.registered_watchers = await ls.watch_files(watchers, "Python files")
