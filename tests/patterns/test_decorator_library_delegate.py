"""Decorator vs plain delegation to a library object: a class implementing an interface and
holding another object of that interface, forwarding each call, is a decorator; the same class
whose constructor declares the held object as a library type (`session: Session`) and adds
nothing around the calls passes them on to the library: no decorator. Through `agentls
patterns`, side by side."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

CODE = """\
from typing import Protocol

from sqlalchemy.orm import Session


class Work(Protocol):
    def commit(self) -> None: ...

    def rollback(self) -> None: ...


class Tx(Work):
    def __init__(self, inner: {ann}) -> None:
        self.inner = inner

    def commit(self) -> None:
        self.inner.commit()

    def rollback(self) -> None:
        self.inner.rollback()
"""


def _decorators(tmp_path: Path, ann: str) -> set[str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/tx.py": CODE.replace("{ann}", ann)})
    rows = patterns_rows(tmp_path, "app")
    return {str(r["symbol"]) for r in rows if r["pattern"] == "decorator" and r["role"] == "decorator"}


def test_a_wrapper_holding_its_own_interface_is_a_decorator(tmp_path: Path) -> None:
    assert "Tx" in _decorators(tmp_path, "Work")


def test_a_wrapper_passing_calls_to_a_library_object_is_no_decorator(tmp_path: Path) -> None:
    # The near miss: the held object declared as the library's session, nothing added.
    assert "Tx" not in _decorators(tmp_path, "Session")
