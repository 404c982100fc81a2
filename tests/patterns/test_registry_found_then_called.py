"""A registry whose reader takes the entry into a local before calling it (`queue_class =
self._kinds[config.kind]`, `queue = queue_class(config)`, `return queue`), keyed by a field of
its argument, through `agentls patterns` run as a subprocess; near miss: a store answering
the value it keeps under the key, calling nothing (a cache of data, no registry)."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

KINDS = """\
from dataclasses import dataclass


@dataclass
class Config:
    kind: str
    host: str


class Queues:
    def __init__(self) -> None:
        self._kinds: dict = {}

    def register(self, kind: str, queue_class: type) -> None:
        self._kinds[kind] = queue_class

    def create(self, config: Config) -> object:
        queue_class = self._kinds[config.kind]
        queue = queue_class(config)
        return queue
"""

STORE = """\
from dataclasses import dataclass


@dataclass
class Config:
    kind: str
    host: str


class Settings:
    def __init__(self) -> None:
        self._values: dict = {}

    def register(self, kind: str, value: str) -> None:
        self._values[kind] = value

    def create(self, config: Config) -> object:
        value = self._values[config.kind]
        return value
"""


def _registries(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/main.py": text})
    return {str(r["symbol"]): str(r["role"]) for r in patterns_rows(tmp_path, "app") if r["pattern"] == "registry"}


def test_an_entry_found_by_a_field_of_the_argument_then_called_is_a_registry(tmp_path: Path) -> None:
    assert _registries(tmp_path, KINDS).get("Queues") == "registry"


def test_a_store_answering_the_value_found_is_no_registry(tmp_path: Path) -> None:
    assert "Settings" not in _registries(tmp_path, STORE)
