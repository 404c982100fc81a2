"""Answers and review documents, kept outside the repository in the user's cache folder.

``$XDG_CACHE_HOME/agentls`` (default ``~/.cache/agentls``). An answer is keyed by a hash of
the expert (its prompt and model field), the model id and the exact request text, so the
same question costs one API call; ``clear`` empties it (command ``agentls.expert.clearCache``
and ``agentls review --clear-cache``).

Only masked text is ever written here (anchors and diffs come from the masked module), and
everything is private to the user: folders 0700, files 0600, whatever the umask says.
"""

from __future__ import annotations

import contextlib
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


def private_dir(folder: Path) -> Path:
    """Create ``folder`` (and the cache folders above it) readable by the user alone."""
    root = cache_dir()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    current = folder
    while True:  # mkdir's mode is masked by the umask and skips existing folders
        with contextlib.suppress(OSError):
            current.chmod(0o700)
        if current == root or root not in current.parents:
            break
        current = current.parent
    return folder


def write_private(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` with mode 0600, atomically (a reader never sees half of it)."""
    private_dir(path.parent)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")  # mkstemp creates 0600
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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
        write_private(path, json.dumps(data))
    except OSError:
        log.warning("could not write the answer cache in %s", path.parent)


def clear() -> int:
    """Delete cached answers and reviews; returns how many files went."""
    root = cache_dir()
    count = 0
    for sub in ("answers", "reviews", "batches"):
        folder = root / sub
        if folder.is_dir():
            count += sum(1 for p in folder.rglob("*") if p.is_file())
            shutil.rmtree(folder, ignore_errors=True)
    return count
