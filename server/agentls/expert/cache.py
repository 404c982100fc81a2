"""Answers and review documents, kept outside the repository in the user's cache folder.

``$XDG_CACHE_HOME/agentls`` (default ``~/.cache/agentls``). An answer is keyed by a hash of
the expert (its prompt and model field), the model id and the exact request text, so the
same question costs one API call; ``clear`` empties it (command ``agentls.expert.clearCache``
and ``agentls review --clear-cache``).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "agentls"


def key(expert_fingerprint: str, model: str, code: str) -> str:
    h = hashlib.sha256()
    for part in (expert_fingerprint, model, code):
        h.update(part.encode("utf-8", errors="surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


def _answer_path(k: str) -> Path:
    return cache_dir() / "answers" / f"{k}.json"


def get(k: str) -> dict[str, Any] | None:
    try:
        data = json.loads(_answer_path(k).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def put(k: str, data: dict[str, Any]) -> None:
    path = _answer_path(k)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Write then rename: a reader never sees half an answer.
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(data, out)
        os.replace(tmp, path)
    except OSError:
        log.warning("could not write the answer cache in %s", path.parent)


def clear() -> int:
    """Delete cached answers and reviews; returns how many files went."""
    root = cache_dir()
    count = 0
    for sub in ("answers", "reviews"):
        folder = root / sub
        if folder.is_dir():
            count += sum(1 for p in folder.rglob("*") if p.is_file())
            shutil.rmtree(folder, ignore_errors=True)
    return count
