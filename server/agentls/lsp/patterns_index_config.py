"""What the background index of the workspace's Python files covers, from the settings."""

from __future__ import annotations

import os
from dataclasses import dataclass

from pygls.uris import to_fs_path

from agentls.lsp.server import AgentLanguageServer


@dataclass(frozen=True)
class PatternsIndexConfig:
    enabled: bool
    roots: tuple[str, ...]
    exclude: tuple[str, ...]
    max_files: int
    max_file_size: int

    @staticmethod
    def of(ls: AgentLanguageServer) -> PatternsIndexConfig:
        cfg = ls.config.window  # one index for the whole workspace: the window-wide settings
        patterns = cfg.patterns
        return PatternsIndexConfig(
            enabled=patterns.enabled and patterns.max_files > 0,
            roots=workspace_roots(ls),
            exclude=patterns.exclude,
            max_files=patterns.max_files,
            max_file_size=cfg.core.max_file_size,
        )


def workspace_roots(ls: AgentLanguageServer) -> tuple[str, ...]:
    folders = [f.uri for f in ls.workspace.folders.values()]
    if not folders and ls.workspace.root_uri:
        folders = [ls.workspace.root_uri]
    roots: list[str] = []
    for uri in folders:
        path = to_fs_path(uri) if uri.startswith("file:") else None
        if path and os.path.isdir(path):
            norm = os.path.normpath(path)
            if norm not in roots:
                roots.append(norm)
    return tuple(roots)
