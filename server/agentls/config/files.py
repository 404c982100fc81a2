"""The project's configuration file: the nearest ``.agentls.toml``, or ``pyproject.toml`` with a
``[tool.agentls]`` table, at or above a folder; read into the ``agentls`` table."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

NAMES = (".agentls.toml", "pyproject.toml")  # the files whose change means new settings


class ConfigError(ValueError):
    """A configuration file that cannot be read, or a core setting with a bad value."""


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
            tool = data.get("tool")
            if isinstance(tool, Mapping) and "agentls" in tool:
                return pyproject
    return None


def read_table(path: Path) -> Mapping[str, Any]:
    """``[tool.agentls]`` of a ``pyproject.toml``, or the whole of any other file."""
    try:
        data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from None
    if path.name != "pyproject.toml":
        return data
    tool = data.get("tool")
    table: Any = tool.get("agentls") if isinstance(tool, Mapping) else None
    return dict(table) if isinstance(table, Mapping) else {}


def where(path: Path, table: str) -> str:
    """How a warning names a table of the file: ``pyproject.toml [tool.agentls.patterns]``."""
    return f"{path} [{'tool.agentls.' if path.name == 'pyproject.toml' else ''}{table}]"
