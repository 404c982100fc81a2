"""A hand-written container's accessors build the application's different services; a class
handing out interchangeable implementations of one interface over its own data is no
container. Through `agentls patterns` run as a subprocess: the form beside its near miss."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.patterns.cli import patterns_rows

APP = """\
from abc import ABC, abstractmethod


class Store(ABC):
    @abstractmethod
    def load(self, key: str) -> str: ...


class MemoryStore(Store):
    def load(self, key: str) -> str:
        return key


class Mailer(ABC):
    @abstractmethod
    def send(self, text: str) -> None: ...


class Signup:
    def __init__(self, store: Store) -> None:
        self.store = store


class Digest:
    def __init__(self, store: Store) -> None:
        self.store = store


class Services:
    def __init__(self) -> None:
        self.store = MemoryStore()

    def signup(self) -> Signup:
        return Signup(self.store)

    def digest(self) -> Digest:
        return Digest(self.store)
"""

WALKS = """\
from abc import ABC, abstractmethod


class Walk(ABC):
    def __init__(self, root: "Node") -> None:
        self.root = root

    @abstractmethod
    def __next__(self) -> int: ...


class DepthFirst(Walk):
    def __next__(self) -> int:
        raise StopIteration


class BreadthFirst(Walk):
    def __next__(self) -> int:
        raise StopIteration


class Node:
    def __init__(self) -> None:
        self.root = self

    def depth_first(self) -> Walk:
        return DepthFirst(self.root)

    def breadth_first(self) -> Walk:
        return BreadthFirst(self.root)
"""


def _rows(tmp_path: Path, files: dict[str, str]) -> dict[tuple[str, str], dict[str, Any]]:
    for name, text in files.items():
        (tmp_path / "app").mkdir(exist_ok=True)
        (tmp_path / "app" / name).write_text(text)
    rows = patterns_rows(tmp_path, "app")
    return {(str(r["symbol"]), str(r["pattern"])): r for r in rows}


def test_accessors_building_the_applications_services(tmp_path: Path) -> None:
    rows = _rows(tmp_path, {"app.py": APP})
    assert rows[("Services", "dependency_injection")]["role"] == "composition_root"


def test_a_node_handing_out_walks_of_one_family(tmp_path: Path) -> None:
    rows = _rows(tmp_path, {"walks.py": WALKS})
    assert ("Node", "dependency_injection") not in rows
