"""Example trees keep one script folder per pattern, named with hyphens (`03-composite/`,
`07-proxy/`), each with its own `main.py`: through `agentls patterns` run as a subprocess,
the composite's `File` leaf is found in its folder, and the unrelated `File` of the other
folder's `main.py` is not taken for it (both modules used to be named `main`, and their
classes shared one key)."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

COMPOSITE = """\
from abc import ABC, abstractmethod


class Node(ABC):
    @abstractmethod
    def display(self, indent: int = 0) -> None: ...


class File(Node):
    def __init__(self, name: str) -> None:
        self.name = name

    def display(self, indent: int = 0) -> None:
        print(" " * indent + self.name)


class Directory(Node):
    def __init__(self, name: str) -> None:
        self.name = name
        self.children: list[Node] = []

    def add(self, node: Node) -> None:
        self.children.append(node)

    def display(self, indent: int = 0) -> None:
        print(" " * indent + self.name)
        for child in self.children:
            child.display(indent + 2)
"""

OTHER = """\
class File:
    def __init__(self, name: str) -> None:
        self.name = name

    def read(self) -> str:
        return "content of " + self.name
"""


def test_a_main_module_per_hyphenated_folder_keeps_its_own_classes(tmp_path: Path) -> None:
    write_tree(tmp_path, {"patterns/03-composite/main.py": COMPOSITE, "patterns/07-proxy/main.py": OTHER})
    rows = patterns_rows(tmp_path, "patterns")
    composite = {(str(r["path"]), str(r["symbol"])) for r in rows if r["pattern"] == "composite"}
    assert ("patterns/03-composite/main.py", "File") in composite
    assert ("patterns/07-proxy/main.py", "File") not in composite
