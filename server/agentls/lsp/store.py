"""Diagnostics from several sources (agent files, patterns, the expert), kept per URI.

Each source replaces only its own list; the merged list is what the client sees, pushed or
pulled. ``result_id`` is a hash of the merged items so a pull can answer "unchanged".
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from lsprotocol import types as t


@dataclass
class _Entry:
    version: int | None
    items: list[t.Diagnostic]


@dataclass
class DiagnosticStore:
    _by_uri: dict[str, dict[str, _Entry]] = field(default_factory=dict)

    def set(self, uri: str, source: str, version: int | None, items: list[t.Diagnostic]) -> None:
        self._by_uri.setdefault(uri, {})[source] = _Entry(version, items)

    def clear(self, uri: str) -> None:
        self._by_uri.pop(uri, None)

    def merged(self, uri: str, exclude: frozenset[str] = frozenset(),
               only: frozenset[str] | None = None) -> list[t.Diagnostic]:
        out: list[t.Diagnostic] = []
        for source, entry in self._by_uri.get(uri, {}).items():
            if source in exclude or (only is not None and source not in only):
                continue
            out.extend(entry.items)
        return out

    def version(self, uri: str, source: str) -> int | None:
        entry = self._by_uri.get(uri, {}).get(source)
        return entry.version if entry else None

    def has(self, uri: str, source: str) -> bool:
        return source in self._by_uri.get(uri, {})

    def result_id(self, uri: str, exclude: frozenset[str] = frozenset()) -> str:
        digest = hashlib.blake2b(digest_size=12)
        for d in self.merged(uri, exclude):
            digest.update(f"{d.range}|{d.code}|{d.severity}|{d.message}\n".encode())
        return digest.hexdigest()
