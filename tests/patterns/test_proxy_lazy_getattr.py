"""A virtual proxy answering every attribute from a subject it makes on first use (`__getattr__`
testing `self._wrapped is None`, making it itself or through a setup method of its own, then
`getattr(self._wrapped, name)`), through `agentls patterns` run as a subprocess, beside its
near miss: the same forwarding reading the held object without making it, which is a plain
pass-through and stays below the lazy proxy's confidence."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

LAZY_SETUP = """\
class Settings:
    def __init__(self, path: str) -> None:
        self.path = path

    def value(self, key: str) -> str:
        return key


class LazySettings:
    def __init__(self, path: str) -> None:
        self._path = path
        self._wrapped: Settings | None = None

    def _setup(self) -> None:
        self._wrapped = Settings(self._path)

    def __getattr__(self, name: str) -> object:
        if self._wrapped is None:
            self._setup()
        return getattr(self._wrapped, name)
"""

LAZY_INLINE = """\
class Loader:
    def __init__(self, factory: type) -> None:
        self.factory = factory
        self.target = None

    def __getattr__(self, name: str) -> object:
        if self.target is None:
            self.target = self.factory()
        return getattr(self.target, name)
"""

CHECKED_ONLY = """\
class Loader:
    def __init__(self, target: object) -> None:
        self.target = target

    def __getattr__(self, name: str) -> object:
        if self.target is None:
            return None
        return getattr(self.target, name)
"""


def _proxy(tmp_path: Path, text: str) -> dict[str, float]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/lazy.py": text})
    rows = patterns_rows(tmp_path, "app", "--min-confidence", "0")
    return {str(r["symbol"]): float(r["confidence"]) for r in rows if r["pattern"] == "proxy"}


def test_getattr_making_its_subject_through_a_setup_method_is_a_proxy(tmp_path: Path) -> None:
    assert _proxy(tmp_path, LAZY_SETUP).get("LazySettings", 0.0) >= 0.6


def test_getattr_making_its_subject_inline_is_a_proxy(tmp_path: Path) -> None:
    assert _proxy(tmp_path, LAZY_INLINE).get("Loader", 0.0) >= 0.6


def test_getattr_only_testing_its_subject_is_no_lazy_proxy(tmp_path: Path) -> None:
    assert _proxy(tmp_path, CHECKED_ONLY).get("Loader", 0.0) < 0.6
