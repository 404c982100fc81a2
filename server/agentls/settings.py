"""One typed settings object, read from ``pyproject.toml [tool.agentls]``, ``.agentls.toml``
or the editor's configuration, and handed to the same engine by the CLI and the server."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from agentls.model import Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

DEFAULT_MAX_FILE_SIZE = 1_048_576


class SettingsError(ValueError):
    pass


@dataclass(frozen=True)
class Settings:
    select: tuple[str, ...] = ()  # code prefixes; empty means every rule
    ignore: tuple[str, ...] = ()
    fail_on: Severity = Severity.ERROR
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    dialects: Mapping[str, str] = field(default_factory=dict)  # glob -> dialect id
    severity: Mapping[str, Severity] = field(default_factory=dict)  # code -> severity
    source: str | None = None  # the file the settings came from

    def enabled(self, code: str) -> bool:
        if self.select and not any(code.startswith(p) for p in self.select):
            return False
        return not any(code.startswith(p) for p in self.ignore)

    def with_overrides(self, **changes: Any) -> Settings:
        return replace(self, **changes)


def _codes(value: Any, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [v for v in value.replace(",", " ").split() if v]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise SettingsError(f"{key} must be a list of rule codes")
    return tuple(v.strip().upper() for v in value)


def from_mapping(data: Mapping[str, Any], source: str | None = None,
                 base: Settings | None = None) -> Settings:
    """Build settings from a TOML table or an editor's JSON settings (camelCase accepted):
    the keys present override ``base``; others (an editor's ``expert``…) are not ours."""
    s = base if base is not None else Settings(source=source)
    norm = {k.replace("-", "_"): v for k, v in data.items()}
    aliases = {"failOn": "fail_on", "maxFileSize": "max_file_size"}
    norm = {aliases.get(k, k): v for k, v in norm.items()}
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
                raise SettingsError("max-file-size must be a positive integer (bytes)")
            s = replace(s, max_file_size=size)
        if "dialects" in norm:
            table = norm["dialects"]
            if not isinstance(table, Mapping):
                raise SettingsError("dialects must be a table of glob = dialect")
            s = replace(s, dialects={str(k): str(v) for k, v in table.items()})
        if "severity" in norm:
            table = norm["severity"]
            if not isinstance(table, Mapping):
                raise SettingsError("severity must be a table of CODE = level")
            s = replace(s, severity={str(k).upper(): Severity.parse(str(v))
                                     for k, v in table.items()})
    except KeyError as exc:
        raise SettingsError(f"unknown severity {exc.args[0]!r}") from None
    return s


def find_config(start: Path) -> Path | None:
    """The nearest ``.agentls.toml``, or ``pyproject.toml`` with ``[tool.agentls]``."""
    here = start if start.is_dir() else start.parent
    for folder in (here, *here.parents):
        candidate = folder / ".agentls.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
            except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
                continue
            if "agentls" in data.get("tool", {}):
                return pyproject
    return None


def load(start: Path | None = None) -> Settings:
    path = find_config(start or Path(os.getcwd()))
    if path is None:
        return Settings()
    return load_file(path)


def load_file(path: Path) -> Settings:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{path}: {exc}") from None
    table = data.get("tool", {}).get("agentls", {}) if path.name == "pyproject.toml" else data
    try:
        return from_mapping(table, str(path))
    except SettingsError as exc:
        raise SettingsError(f"{path}: {exc}") from None
