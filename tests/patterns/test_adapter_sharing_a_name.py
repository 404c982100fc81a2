"""An object adapter over an untyped adaptee that shares one method name with the target
(`TurkeyAdapter.quack` calling `gobble`, `fly` passed on as `fly`), in a script folder wired
by its `main.py` (the turkey made by a helper, so only a guess names its class), through
`agentls patterns` run as a subprocess; beside its near miss: the same wrapper serving only
one of the two abstract methods through what it holds (the other by itself), which is not
enough translation to guess what it is handed."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

BIRDS = """\
from abc import ABC, abstractmethod


class Duck(ABC):
    @abstractmethod
    def quack(self):
        pass

    @abstractmethod
    def fly(self):
        pass


class Mallard(Duck):
    def quack(self):
        print("quack")

    def fly(self):
        print("flying")
"""

TURKEYS = """\
class WildTurkey:
    def gobble(self):
        print("gobble")

    def fly(self):
        print("a short flight")
"""

ADAPTER = """\
from birds import Duck


class TurkeyAdapter(Duck):
    def __init__(self, turkey):
        self._turkey = turkey

    def quack(self):
        self._turkey.gobble()

    def fly(self):
        {fly}
"""

MAIN = """\
from adapter import TurkeyAdapter
from turkeys import WildTurkey


def wild():
    return WildTurkey()


def main():
    turkey = wild()
    duck = TurkeyAdapter(turkey)
    duck.quack()
    duck.fly()
"""


def _roles(tmp_path: Path, fly: str) -> dict[str, str]:
    files = {"birds.py": BIRDS, "turkeys.py": TURKEYS, "adapter.py": ADAPTER.format(fly=fly), "main.py": MAIN}
    write_tree(tmp_path, {f"zoo/{k}": v for k, v in files.items()})
    return roles_of(patterns_rows(tmp_path, "zoo"), "adapter")


def test_adaptee_sharing_a_name_with_the_target(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "self._turkey.fly()")
    assert roles == {"TurkeyAdapter": "adapter", "Duck": "target", "WildTurkey": "adaptee"}


def test_one_method_served_through_the_held_object_is_not_enough(tmp_path: Path) -> None:
    assert _roles(tmp_path, 'print("flap")') == {}
