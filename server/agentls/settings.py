"""What the agent-file checker is tuned with: the rules that run, their severities, the
dialect globs, the size cap. Data only: ``agentls.config`` reads it from ``[tool.agentls]``,
``.agentls.toml`` and the editor (``config.core``); the CLI and the server hand it to the
same engine."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from agentls.model import Severity

DEFAULT_MAX_FILE_SIZE = 1_048_576


@dataclass(frozen=True)
class Settings:
    select: tuple[str, ...] = ()  # code prefixes; empty means every rule
    ignore: tuple[str, ...] = ()
    fail_on: Severity = Severity.ERROR
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    dialects: Mapping[str, str] = field(default_factory=dict)  # glob -> dialect id
    severity: Mapping[str, Severity] = field(default_factory=dict)  # code -> severity
    source: str | None = None  # the file the settings came from
    dialect: str | None = None  # the editor's "read every Markdown file as this dialect"

    def enabled(self, code: str) -> bool:
        if self.select and not any(code.startswith(p) for p in self.select):
            return False
        return not any(code.startswith(p) for p in self.ignore)

    def with_overrides(self, **changes: Any) -> Settings:
        return replace(self, **changes)
