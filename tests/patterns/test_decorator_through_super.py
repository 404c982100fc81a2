"""Decorators forwarding through their base decorator's own forwarding method
(`return super().fetch(key)` after a check of their own), through `agentls patterns` run as a
subprocess, beside the near miss where the base method called through `super()` forwards
nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.patterns.cli import patterns_rows

STORE = """\
class Store:
    def fetch(self, key: str) -> str:
        raise NotImplementedError

    def label(self) -> str:
        raise NotImplementedError


class DiskStore(Store):
    def fetch(self, key: str) -> str:
        return key.upper()

    def label(self) -> str:
        return "disk"


class StoreWrapper(Store):
    def __init__(self, inner: Store) -> None:
        self._inner = inner

    def fetch(self, key: str) -> str:
        return self._inner.fetch(key)

    def label(self) -> str:
        return self._inner.label() + "+"

    def note(self) -> str:
        return "wrapped"


class Guarded(StoreWrapper):
    def {method}(self{params}) -> str:
        if not getattr(self, "open", True):
            raise PermissionError("closed")
        return super().{method}({args})
"""


def _rows(tmp_path: Path, files: dict[str, str]) -> dict[tuple[str, str], dict[str, Any]]:
    for name, text in files.items():
        (tmp_path / "app").mkdir(exist_ok=True)
        (tmp_path / "app" / name).write_text(text)
    rows = patterns_rows(tmp_path, "app")
    return {(str(r["symbol"]), str(r["pattern"])): r for r in rows}


def test_a_check_then_the_base_decorators_forwarding(tmp_path: Path) -> None:
    text = STORE.replace("{method}", "fetch").replace("{params}", ", key: str").replace("{args}", "key")
    rows = _rows(tmp_path, {"store.py": text})
    assert rows[("StoreWrapper", "decorator")]["role"] == "decorator"
    assert rows[("Guarded", "decorator")]["role"] == "decorator"


def test_super_of_a_base_method_that_forwards_nothing(tmp_path: Path) -> None:
    # The near miss: `note()` of the base answers on its own; nothing is forwarded through it.
    text = STORE.replace("{method}", "note").replace("{params}", "").replace("{args}", "")
    rows = _rows(tmp_path, {"store.py": text})
    assert rows[("StoreWrapper", "decorator")]["role"] == "decorator"
    assert ("Guarded", "decorator") not in rows
