"""A virtual proxy that reaches its real subject through a lazy getter of its own (`real =
self._get_real(); return real.read(...)`) forwards to the attribute the getter makes, through
`agentls patterns` run as a subprocess, beside its near miss: the same local taken from a
method answering a new object each time (`self._open()` making a fresh reader, no attribute
held), which stands in for nothing."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

FILES = """\
from abc import ABC, abstractmethod


class Document(ABC):
    @abstractmethod
    def read(self, user: str) -> str: ...


class DiskDocument(Document):
    def __init__(self, name: str) -> None:
        self.name = name

    def read(self, user: str) -> str:
        return "content of " + self.name
"""

LAZY = """\
from app.files import Document, DiskDocument


class GuardedDocument(Document):
    def __init__(self, name: str) -> None:
        self.name = name
        self._real: DiskDocument | None = None

    def _get_real(self) -> DiskDocument:
        if self._real is None:
            self._real = DiskDocument(self.name)
        return self._real

    def read(self, user: str) -> str:
        if user != "admin":
            raise PermissionError(user)
        real = self._get_real()
        return real.read(user)
"""

FRESH = """\
from app.files import Document, DiskDocument


class ReopeningDocument(Document):
    def __init__(self, name: str) -> None:
        self.name = name

    def _open(self) -> DiskDocument:
        return DiskDocument(self.name)

    def read(self, user: str) -> str:
        if user != "admin":
            raise PermissionError(user)
        real = self._open()
        return real.read(user)
"""


def _proxy(tmp_path: Path, name: str, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/files.py": FILES, f"app/{name}.py": text})
    return {str(r["symbol"]): str(r["role"]) for r in patterns_rows(tmp_path, "app") if r["pattern"] == "proxy"}


def test_a_proxy_forwarding_through_its_lazy_getter_is_found(tmp_path: Path) -> None:
    found = _proxy(tmp_path, "lazy", LAZY)
    assert found.get("GuardedDocument") == "proxy"
    assert found.get("Document") == "subject" and found.get("DiskDocument") == "real_subject"


def test_a_local_made_fresh_by_a_method_is_no_held_subject(tmp_path: Path) -> None:
    assert "ReopeningDocument" not in _proxy(tmp_path, "fresh", FRESH)
