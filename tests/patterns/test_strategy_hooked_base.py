"""A library base may be an interface only in its hooks: through `agentls patterns` run as a
subprocess, a `Compressor` whose `compress` raises `NotImplementedError` beside a `close` that
does nothing, carried out by two compressors and handed to an `Archive` that calls `compress`,
is a Strategy family and the archive its context. The near miss, one body away: a base whose
`compress` has a default body (it answers the data unchanged) is a plain base its subclasses
specialise, and no strategy."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

ARCHIVE = """\
import lzma
import zlib


class Compressor:
    def compress(self, data: bytes) -> bytes:
        BODY

    def close(self) -> None:
        return None


class ZlibCompressor(Compressor):
    def compress(self, data: bytes) -> bytes:
        return zlib.compress(data)


class LzmaCompressor(Compressor):
    def compress(self, data: bytes) -> bytes:
        return lzma.compress(data)


class Archive:
    def __init__(self, compressor: Compressor) -> None:
        self.compressor = compressor
        self.parts: list[bytes] = []

    def add(self, data: bytes) -> None:
        self.parts.append(self.compressor.compress(data))

    def finish(self) -> bytes:
        self.compressor.close()
        return b"".join(self.parts)


Archive(ZlibCompressor()).add(b"abc")
Archive(LzmaCompressor()).add(b"abc")
"""


def _roles(tmp_path: Path, body: str) -> dict[str, str]:
    write_tree(tmp_path, {"archive.py": ARCHIVE.replace("BODY", body)})
    return roles_of(patterns_rows(tmp_path, "--no-smells"), "strategy")


def test_a_base_whose_hook_raises_not_implemented_is_a_strategy_interface(tmp_path: Path) -> None:
    roles = _roles(tmp_path, 'raise NotImplementedError("compress")')
    assert roles.get("Compressor") == "strategy"
    assert roles.get("ZlibCompressor") == "concrete_strategy"
    assert roles.get("LzmaCompressor") == "concrete_strategy"
    assert roles.get("Archive") == "context"


def test_a_base_with_a_default_body_is_no_strategy_interface(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "return data")
    assert "Compressor" not in roles
    assert "Archive" not in roles
