"""A class offering more than a Protocol asks, written beside an exact implementation, is no
implementation of it when a class naming the Protocol keeps it by its own type and forwards
to it: the service that port narrows (an adapter's adaptee). Near miss: the same holder typed
with the Protocol, a decoration of any implementation, the broader class one of them. Through
`agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, role_map, write_tree

SINKS = """\
from typing import Protocol


class Sink(Protocol):
    def write(self, text: str) -> None: ...


class Memory:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def write(self, text: str) -> None:
        self.lines.append(text)


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


class FileSink(Sink):
    def __init__(self, target: HELD) -> None:
        self._target = target

    def write(self, text: str) -> None:
        self._target.write(text)
"""


def _roles(tmp_path: Path, held: str) -> dict[tuple[str, str], str]:
    write_tree(tmp_path, {"app/sinks.py": SINKS.replace("HELD", held)})
    return role_map(patterns_rows(tmp_path, "app"))


def test_a_broader_class_kept_by_its_own_type_under_the_port_is_its_adaptee(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "RotatingFile")
    assert roles[("RotatingFile", "adapter")] == "adaptee"
    assert roles[("FileSink", "adapter")] == "adapter"
    assert ("FileSink", "decorator") not in roles


def test_the_same_holder_typed_with_the_protocol_decorates_it(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "Sink")
    assert roles[("FileSink", "decorator")] == "decorator"
    assert ("RotatingFile", "adapter") not in roles
