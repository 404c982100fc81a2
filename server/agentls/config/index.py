"""The index section: what the agent-file index reads besides the workspace folders (the
user's ``~/.claude``, the managed-settings folder) and the context window its budgets use."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

DEFAULT_CONTEXT_WINDOW = 200_000


@dataclass(frozen=True)
class IndexSettings:
    user_folder: bool = True  # also index ~/.claude and ~/.claude.json
    managed_folder: str | None = None
    context_window: int = DEFAULT_CONTEXT_WINDOW  # tokens


def from_editor(data: Mapping[str, Any]) -> IndexSettings:
    """``indexUserFolder``, ``managedFolder``, ``contextWindow``; a bad value keeps the default."""
    managed = data.get("managedFolder")
    window = data.get("contextWindow")
    return IndexSettings(
        user_folder=data.get("indexUserFolder", True) is not False,
        managed_folder=managed if isinstance(managed, str) else None,
        context_window=window if isinstance(window, int) and not isinstance(window, bool) and window > 0
        else DEFAULT_CONTEXT_WINDOW)
