"""`agentls patterns --format json` run as a subprocess, the way every end-to-end pattern test
drives it: a tree of files written under a temporary folder, then the command in it."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

from tests.conftest import AGENTLS


def write_tree(root: Path, files: dict[str, str]) -> None:
    """Each ``files`` entry (a path relative to ``root``) written, its folders made."""
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def patterns_rows(cwd: Path, *args: str) -> list[dict[str, Any]]:
    """The JSON rows of `agentls patterns <args> --format json` run in ``cwd``; the command must
    succeed."""
    result = subprocess.run(
        [*AGENTLS, "patterns", *args, "--format", "json"], cwd=cwd, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    rows: list[dict[str, Any]] = json.loads(result.stdout)
    return rows


def roles_of(rows: list[dict[str, Any]], pattern: str) -> dict[str, str]:
    """{symbol: role} of the rows that name ``pattern``."""
    return {str(r["symbol"]): str(r["role"]) for r in rows if r["pattern"] == pattern}


def role_map(rows: list[dict[str, Any]]) -> dict[tuple[str, str], str]:
    """{(symbol, pattern): role} of every row."""
    return {(str(r["symbol"]), str(r["pattern"])): str(r["role"]) for r in rows}
