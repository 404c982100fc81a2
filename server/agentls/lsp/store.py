"""Diagnostics from several sources (agent files, patterns, the expert), kept per URI.

Each source replaces only its own entry; the merged list is what the client sees, pushed or
pulled. An entry is tagged with the document version it was computed for, and a source that
found the document "not mine" is remembered too (items ``None``), so a pull for an unchanged
version runs nothing. ``result_id`` is a hash of the merged items so a pull can answer
"unchanged".
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from lsprotocol import types as t


@dataclass
class _Entry:
    version: int | None
    items: list[t.Diagnostic] | None  # None: the document is not this source's business
    stale: bool = False  # kept for the merged list, but asked again at the next pull


@dataclass
class DiagnosticStore:
    _by_uri: dict[str, dict[str, _Entry]] = field(default_factory=dict)

    def set(self, uri: str, source: str, version: int | None, items: list[t.Diagnostic] | None) -> None:
        """``items`` ``None`` records "not mine" for this version."""
        self._by_uri.setdefault(uri, {})[source] = _Entry(version, items)

    def clear(self, uri: str) -> None:
        self._by_uri.pop(uri, None)

    def expire(self) -> None:
        """Something besides the documents changed (files on disk, the workspace folders:
        a ``.claude-plugin`` folder changes what ``agents/`` means): every source is asked
        again at the next pull; a push client keeps what it has until the next edit."""
        for entries in self._by_uri.values():
            for entry in entries.values():
                entry.stale = True

    def merged(self, uri: str, exclude: frozenset[str] = frozenset(),
               only: frozenset[str] | None = None) -> list[t.Diagnostic]:
        out: list[t.Diagnostic] = []
        for source, entry in self._by_uri.get(uri, {}).items():
            if entry.items is None or source in exclude or (only is not None and source not in only):
                continue
            out.extend(entry.items)
        return out

    def current(self, uri: str, source: str, version: int | None) -> bool:
        """Whether ``source`` has answered (items or "not mine") for this version of ``uri``."""
        entry = self._by_uri.get(uri, {}).get(source)
        return entry is not None and entry.version == version and not entry.stale

    def result_id(self, uri: str, exclude: frozenset[str] = frozenset()) -> str:
        digest = hashlib.blake2b(digest_size=12)
        for d in self.merged(uri, exclude):
            digest.update(f"{d.range}|{d.code}|{d.severity}|{d.message}\n".encode())
        return digest.hexdigest()
