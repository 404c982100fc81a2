"""The configuration service of the language server: one ``Config`` per workspace folder.

Each folder's ``Config`` is its project file (the nearest ``.agentls.toml`` or ``pyproject.toml``
with ``[tool.agentls]`` at or above the folder) with the editor's settings for that folder on
top. The editor's settings come from ``initializationOptions``, then ``workspace/configuration``
(one item without a scope, one per folder with its ``scopeUri``: VS Code answers each folder
with that folder's settings), or a ``didChangeConfiguration`` payload (no scope: it applies to
every folder). Everything is read again when the settings change, when the folders change, and
when a project file changes on disk (watched). A document gets the ``Config`` of the deepest
folder holding it; window-wide settings (the expert, the indexes) come from ``window``, the
root's ``Config`` with the unscoped editor settings.
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lsprotocol import types as t
from pygls.uris import to_fs_path

from agentls.lsp.engine_modules import config, config_files

if TYPE_CHECKING:
    from agentls.config import Config
    from agentls.lsp.server import AgentLanguageServer

log = logging.getLogger(__name__)

SECTION = "agentls"


def watch_globs() -> tuple[str, ...]:
    return tuple(f"**/{name}" for name in config_files.NAMES)


def _section(raw: Any) -> dict[str, Any] | None:
    """The ``agentls`` section of what a client sent, or None when it sent nothing usable."""
    if isinstance(raw, Mapping) and isinstance(raw.get(SECTION), Mapping):
        raw = raw[SECTION]
    return dict(raw) if isinstance(raw, Mapping) else None


class Configuration:
    def __init__(self) -> None:
        self.editor: dict[str, Any] = {}  # the editor's settings without a scope
        self.scoped: dict[str, dict[str, Any]] = {}  # folder path -> the editor's settings there
        self._window: Config | None = None
        self._folders: list[tuple[str, Config]] = []  # (folder path + separator, ...), deepest first
        self._shown: tuple[str, ...] = ()
        # Read on first use, not while ``initialize`` waits for its answer (the configuration
        # modules and the project files are not needed for that): ``later`` below.
        self._unread: AgentLanguageServer | None = None
        # Set once the first pull (``initialized``) is over: a client may send only then what
        # a save must be judged by (Neovim's ``settings``), and may save before that.
        self.pulled = asyncio.Event()
        self._settling = threading.Lock()

    # -- reading -------------------------------------------------------------------------------
    def _settle(self) -> None:
        """The build ``later`` put off, before anything reads or replaces the settings. Under
        a lock: the expert may read a setting first, from a worker thread."""
        if self._unread is None:
            return
        with self._settling:
            if (ls := self._unread) is not None:
                self._build(ls)
                self._unread = None

    @property
    def window(self) -> Config:
        self._settle()
        if self._window is None:
            self._window = config.Config()
        return self._window

    def for_path(self, path: str | None) -> Config:
        self._settle()
        if path is not None:
            for prefix, cfg in self._folders:
                if path.startswith(prefix):
                    return cfg
        return self.window

    def for_uri(self, ls: AgentLanguageServer, uri: str) -> Config:
        self._settle()
        return self.for_path(ls.path_of(uri)) if self._folders else self.window

    # -- building ------------------------------------------------------------------------------
    @staticmethod
    def folders(ls: AgentLanguageServer) -> list[tuple[str, str]]:
        """(uri, path) of each workspace folder on disk."""
        out = []
        for folder in ls.workspace.folders.values():
            path = to_fs_path(folder.uri) if folder.uri.startswith("file:") else None
            if path:
                out.append((folder.uri, os.path.normpath(path)))
        return out

    def rebuild(self, ls: AgentLanguageServer) -> bool:
        """Read the project files and apply the editor's settings again; True when any
        folder's configuration changed."""
        self._settle()
        return self._build(ls)

    def _build(self, ls: AgentLanguageServer) -> bool:
        root = ls.workspace.root_path
        window = config.build(_project(root), self.editor)
        folders = sorted(((path, config.build(_project(path), self.scoped.get(path) or self.editor))
                          for _, path in self.folders(ls)), key=lambda f: len(f[0]), reverse=True)
        new = [(path.rstrip(os.sep) + os.sep, cfg) for path, cfg in folders]
        changed = window != self._window or new != self._folders
        if changed:  # else the old objects stay: caches keyed on them stay valid
            self._window, self._folders = window, new
        errors = tuple(dict.fromkeys(e for cfg in (window, *(c for _, c in new)) for e in cfg.errors))
        if errors and errors != self._shown:
            ls.window_show_message(t.ShowMessageParams(
                type=t.MessageType.Warning, message=f"agentls settings: {'; '.join(errors)}; using defaults"))
        self._shown = errors
        return changed

    def set_editor(self, ls: AgentLanguageServer, raw: Any) -> bool:
        """Settings the client sent without a scope (``initializationOptions``, a payload)."""
        self._settle()
        self.editor = _section(raw) or {}
        self.scoped = {}
        return self.rebuild(ls)

    def later(self, ls: AgentLanguageServer, raw: Any) -> None:
        """``set_editor`` at the first read of a setting (``initializationOptions``)."""
        self.editor = _section(raw) or {}
        self.scoped = {}
        self._unread = ls

    async def pull(self, ls: AgentLanguageServer, pushed: Any = None, changed: bool = False) -> bool:
        try:
            return await self._pull(ls, pushed, changed)
        finally:
            self.pulled.set()

    async def _pull(self, ls: AgentLanguageServer, pushed: Any = None, changed: bool = False) -> bool:
        """At the start, after a folder change, or after ``didChangeConfiguration`` (``changed``,
        ``pushed`` its payload): the payload if there is one, else the client's answer to
        ``workspace/configuration``, with each folder's own settings when the client has them.
        At the start an empty answer keeps ``initializationOptions``; after a change it clears."""
        self._settle()  # what changes is told against what ``initialize`` gave
        ws = ls.client_capabilities.workspace
        can_ask = bool(ws and ws.configuration)
        payload = _section(pushed)
        if payload:  # pushed settings have no scope: they apply to every folder
            return self.set_editor(ls, payload)
        if not can_ask:
            return self.set_editor(ls, {}) if changed else self.rebuild(ls)
        folders = self.folders(ls)
        items = [t.ConfigurationItem(section=SECTION)]
        items += [t.ConfigurationItem(section=SECTION, scope_uri=uri) for uri, _ in folders]
        try:
            result = await ls.workspace_configuration_async(t.ConfigurationParams(items=items))
        except Exception:  # a client may refuse; what we had stands
            log.info("workspace/configuration failed; keeping the settings we had")
            return self.rebuild(ls)
        answers = list(result or [])
        default = _section(answers[0]) if answers else None
        if default or changed:
            self.editor = default or {}
        self.scoped = {path: found for (_, path), answer in zip(folders, answers[1:], strict=False)
                       if (found := _section(answer))}
        return self.rebuild(ls)

    def is_project_file(self, uri: str) -> bool:
        return uri.rsplit("/", 1)[-1] in config_files.NAMES


def _project(folder: str | None) -> Path | None:
    if not folder:
        return None
    try:
        return config.find_config(Path(folder))
    except OSError:
        return None
