"""The interface of a concrete adaptee, declaring abstract every method the adapter calls on
it (`Turkey` above `WildTurkey`), is an `adaptee` too, through `agentls patterns` run as a
subprocess; beside its near miss: a base of the adaptee declaring only one of the two
methods called (a `Bird` with `fly`) is not the adapted interface."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

SOURCE = """\
from abc import ABC, abstractmethod


class Duck(ABC):
    @abstractmethod
    def quack(self):
        pass

    @abstractmethod
    def waddle(self):
        pass


class {base}(ABC):
{declared}

class WildTurkey({base}):
    def gobble(self):
        print("gobble")

    def strut(self):
        print("strut")


class TurkeyAdapter(Duck):
    def __init__(self, turkey: WildTurkey):
        self._turkey = turkey

    def quack(self):
        self._turkey.gobble()

    def waddle(self):
        self._turkey.strut()
"""

BOTH = """\
    @abstractmethod
    def gobble(self):
        pass

    @abstractmethod
    def strut(self):
        pass
"""

ONE = """\
    @abstractmethod
    def gobble(self):
        pass
"""


def _roles(tmp_path: Path, base: str, declared: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/birds.py": SOURCE.format(base=base, declared=declared)})
    return roles_of(patterns_rows(tmp_path, "app"), "adapter")


def test_interface_declaring_what_the_adapter_calls(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "Turkey", BOTH)
    assert roles["Turkey"] == roles["WildTurkey"] == "adaptee"
    assert roles["TurkeyAdapter"] == "adapter"


def test_base_declaring_part_of_it_is_not_adapted(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "Gobbler", ONE)
    assert roles["WildTurkey"] == "adaptee"
    assert "Gobbler" not in roles
