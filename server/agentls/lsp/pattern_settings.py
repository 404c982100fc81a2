"""The pattern engine's settings in the language server: the workspace's TOML file
(``[tool.agentls.patterns]`` or ``.agentls.toml [patterns]``), then the editor's ``agentls``
section on top of it (``patterns.godClass.wmc``, ``patterns.layers``, ``patterns.disabled``,
``patterns.smells``; nested or flat keys).

Built once per configuration: the result is kept until the client sends new settings
(``apply_settings`` replaces ``client_settings``) or the root folder changes, so a bad value
is warned about once, not on every keystroke.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from agentls.lsp.server import AgentLanguageServer
from agentls.patterns import settings as pattern_settings
from agentls.patterns.settings import PatternSettings

# Editor keys that are not the engine's (the background index reads them).
_NOT_ENGINE = frozenset({"enabled", "exclude", "maxFiles", "max_files"})

def editor_section(client_settings: Mapping[str, Any]) -> dict[str, Any]:
    """The ``patterns`` keys of the editor's ``agentls`` section, nested or flat
    (``"patterns.godClass.wmc"``), without those of the background index."""
    out: dict[str, Any] = {}
    nested = client_settings.get("patterns")
    if isinstance(nested, Mapping):
        out.update(nested)
    for key, value in client_settings.items():
        if isinstance(key, str) and key.startswith("patterns."):
            out[key.removeprefix("patterns.")] = value
    return {k: v for k, v in out.items() if k not in _NOT_ENGINE}


def build(client_settings: Mapping[str, Any], root: str | None) -> PatternSettings:
    base = pattern_settings.load(Path(root)) if root else PatternSettings()
    return pattern_settings.from_mapping(editor_section(client_settings), base, "agentls.patterns (editor settings)")


class SettingsCache:
    """The settings every analysis of one server uses, built again only when the client sends
    new settings (``apply_settings`` replaces ``client_settings``) or the root changes. Owned
    by the server's pattern feature."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._built: tuple[object, str | None, PatternSettings] | None = None

    def get(self, ls: AgentLanguageServer) -> PatternSettings:
        raw = ls.client_settings
        root = ls.workspace.root_path
        with self._lock:
            seen = self._built
            if seen is not None and seen[0] is raw and seen[1] == root:
                return seen[2]
        built = build(raw, root)
        with self._lock:
            self._built = (raw, root, built)
        return built
