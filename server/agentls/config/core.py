"""The core section: which rules run, how severe they are, which files are agent files.

Strict, as the command line needs: a bad value raises ``ConfigError`` naming the key (the
language server shows it and keeps the values below the bad layer)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from agentls.config.files import ConfigError
from agentls.model import Severity
from agentls.settings import Settings

_ALIASES = {"failOn": "fail_on", "maxFileSize": "max_file_size"}


def _codes(value: Any, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [v for v in value.replace(",", " ").split() if v]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{key} must be a list of rule codes")
    return tuple(v.strip().upper() for v in value)


def from_mapping(data: Mapping[str, Any], base: Settings) -> Settings:
    """The keys present in ``data`` (a ``[tool.agentls]`` table or the editor's section,
    camelCase or kebab-case) override ``base``; other keys are other sections'."""
    norm = {_ALIASES.get(k, k): v for k, v in ((str(k).replace("-", "_"), v) for k, v in data.items())}
    s = base
    try:
        if "select" in norm:
            s = replace(s, select=_codes(norm["select"], "select"))
        if "ignore" in norm:
            s = replace(s, ignore=_codes(norm["ignore"], "ignore"))
        if "fail_on" in norm:
            s = replace(s, fail_on=Severity.parse(str(norm["fail_on"])))
        if "max_file_size" in norm:
            size = norm["max_file_size"]
            if not isinstance(size, int) or isinstance(size, bool) or size <= 0:
                raise ConfigError("max-file-size must be a positive integer (bytes)")
            s = replace(s, max_file_size=size)
        if "dialects" in norm:
            table = norm["dialects"]
            if not isinstance(table, Mapping):
                raise ConfigError("dialects must be a table of glob = dialect")
            s = replace(s, dialects={str(k): str(v) for k, v in table.items()})
        if "severity" in norm:
            table = norm["severity"]
            if not isinstance(table, Mapping):
                raise ConfigError("severity must be a table of CODE = level")
            s = replace(s, severity={str(k).upper(): Severity.parse(str(v)) for k, v in table.items()})
        if "dialect" in norm:  # the editor's only: see config.model
            forced = norm["dialect"]
            s = replace(s, dialect=forced if isinstance(forced, str) and forced else None)
    except KeyError as exc:
        raise ConfigError(f"unknown severity {exc.args[0]!r}") from None
    return s

