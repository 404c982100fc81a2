"""Two implementations of an interface each holding the same typed class and serving the
same two methods by the same differently named calls (`store` -> `write_record`, `state`
-> `read_status` in both) are two adapters of that class; beside their near miss: two
implementations serving the interface's methods by different calls of the one class they
hold (`apply` -> `on` / `off`, `revert` -> `off` / `on`), commands over one receiver."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

SOURCE = """\
from abc import ABC, abstractmethod


class Legacy:
    def {x}(self, data):
        return data

    def {y}(self):
        return "ok"


class Modern(ABC):
    @abstractmethod
    def {p}(self, data):
        ...

    @abstractmethod
    def {q}(self):
        ...


class First(Modern):
    def __init__(self, legacy: Legacy):
        self._legacy = legacy

    def {p}(self, data):
        return self._legacy.{x}(data)

    def {q}(self):
        return self._legacy.{y}()


class Second(Modern):
    def __init__(self, legacy: Legacy):
        self._legacy = legacy

    def {p}(self, data):
        return self._legacy.{second_p}(data)

    def {q}(self):
        return self._legacy.{second_q}()
"""

ADAPTERS = {"x": "write_record", "y": "read_status", "p": "store", "q": "state"}
COMMANDS = {"x": "on", "y": "off", "p": "apply", "q": "revert"}


def _roles(tmp_path: Path, names: dict[str, str], swap: bool) -> dict[str, str]:
    second = {"second_p": names["y" if swap else "x"], "second_q": names["x" if swap else "y"]}
    write_tree(tmp_path, {"app/__init__.py": "", "app/store.py": SOURCE.format(**names, **second)})
    return roles_of(patterns_rows(tmp_path, "app"), "adapter")


def test_two_adapters_of_one_class(tmp_path: Path) -> None:
    roles = _roles(tmp_path, ADAPTERS, swap=False)
    assert roles == {"First": "adapter", "Second": "adapter", "Modern": "target", "Legacy": "adaptee"}


def test_commands_over_one_receiver(tmp_path: Path) -> None:
    assert _roles(tmp_path, COMMANDS, swap=True) == {}
