"""A class offering more than a Protocol asks still implements it when it is written beside a
class of its module that implements the Protocol exactly (a family some members of which do
more), and not when it passes the Protocol's calls on to other objects. Through `agentls
patterns` run as a subprocess, each beside its near miss."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

SINKS = """\
from typing import Protocol


class Sink(Protocol):
    def write(self, text: str) -> None: ...


class Memory:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def write(self, text: str) -> None:
        self.lines.append(text)
{memory_extra}

class RotatingFile:
    def __init__(self, path: str) -> None:
        self.path = path
        self.size = 0

    def write(self, text: str) -> None:
        self.size += len(text)
        with open(self.path, "a") as out:
            out.write(text)

    def rotate(self) -> None:
        self.size = 0
{more}

class Logger:
    def __init__(self, sink: Sink) -> None:
        self._sink = sink

    def info(self, text: str) -> None:
        self._sink.write("INFO " + text)
"""

# Offering one more public method makes `Memory` broader than the Protocol too.
CLEAR = """
    def clear(self) -> None:
        self.lines.clear()
"""

# A broader class passing `write` on to the sinks it keeps.
TEE = """

class Tee:
    def __init__(self) -> None:
        self.sinks: list[object] = []

    def add(self, sink: object) -> None:
        self.sinks.append(sink)

    def write(self, text: str) -> None:
        for sink in self.sinks:
            sink.write(text)
"""


def _strategy_roles(tmp_path: Path, memory_extra: str = "", more: str = "") -> dict[str, str]:
    write_tree(tmp_path, {"app/sinks.py": SINKS.format(memory_extra=memory_extra, more=more)})
    rows = patterns_rows(tmp_path, "app")
    return {str(r["symbol"]): str(r["role"]) for r in rows if r["pattern"] == "strategy"}


def test_a_broader_class_beside_an_exact_implementation_implements_the_protocol(tmp_path: Path) -> None:
    roles = _strategy_roles(tmp_path)
    assert roles["RotatingFile"] == "concrete_strategy"
    assert roles["Memory"] == "concrete_strategy"
    assert roles["Logger"] == "context"


def test_broader_classes_with_no_exact_implementation_beside_them_implement_nothing(tmp_path: Path) -> None:
    # The near miss: both classes offer more than `write`; nothing but a shared method name
    # relates them to the Protocol.
    assert _strategy_roles(tmp_path, memory_extra=CLEAR) == {}


def test_a_broader_class_passing_the_calls_on_is_no_implementation(tmp_path: Path) -> None:
    roles = _strategy_roles(tmp_path, more=TEE)
    assert roles["RotatingFile"] == "concrete_strategy"
    assert "Tee" not in roles
