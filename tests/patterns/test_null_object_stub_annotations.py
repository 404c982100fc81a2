"""An implementation whose methods are all `pass` is a null object only when an empty body
keeps its promises, through `agentls patterns` run as a subprocess: a queue whose `send(...)
-> bool` and `healthy() -> bool` are `pass` answers None where it promises a bool, a stub not
written yet; the near miss, the same queue annotated `-> None`, does nothing safely."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

BASE = """\
from abc import ABC, abstractmethod


class Queue(ABC):
    @abstractmethod
    def send(self, message: str) -> {ret}: ...

    @abstractmethod
    def close(self) -> None: ...


class MemoryQueue(Queue):
    def __init__(self) -> None:
        self.items: list[str] = []

    def send(self, message: str) -> {ret}:
        self.items.append(message)
        {answer}

    def close(self) -> None:
        self.items.clear()


class QuietQueue(Queue):
    def send(self, message: str) -> {ret}:
        pass

    def close(self) -> None:
        pass
"""


def _null(tmp_path: Path, ret: str, answer: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/queues.py": BASE.format(ret=ret, answer=answer)})
    rows = patterns_rows(tmp_path, "app")
    return {str(r["symbol"]): str(r["role"]) for r in rows if r["pattern"] == "null_object"}


def test_empty_methods_promising_a_value_are_a_stub_not_a_null_object(tmp_path: Path) -> None:
    assert "QuietQueue" not in _null(tmp_path, "bool", "return True")


def test_empty_methods_promising_nothing_are_a_null_object(tmp_path: Path) -> None:
    assert _null(tmp_path, "None", "return None").get("QuietQueue") == "null_object"
