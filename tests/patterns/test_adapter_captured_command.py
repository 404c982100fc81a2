"""An implementation of an interface serving its methods by differently named methods of the
typed object it is handed (`turn(self, level)` calling `self.dial.set_level(level)`) stays an
object adapter; beside its near miss: the same class taking nothing and handing the held
object what it stored itself (`run()` calling `self.dial.set_level(self.level)`, `revert()`
with `self.previous`), a command's captured request on its receiver, not a translation."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

SOURCE = """\
from abc import ABC, abstractmethod


class Dial:
    def __init__(self):
        self.level = 0

    def set_level(self, level):
        self.level = level
        return level


class Action(ABC):
    @abstractmethod
    def {run}:
        ...

    @abstractmethod
    def {revert}:
        ...


class SetLevel(Action):
    def __init__(self, dial: Dial, level: int):
        self.dial = dial
        self.level = level
        self.previous = dial.level

    def {run}:
        self.previous = self.dial.level
        return self.dial.set_level({arg})

    def {revert}:
        return self.dial.set_level({back})
"""


def _roles(tmp_path: Path, **parts: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/actions.py": SOURCE.format(**parts)})
    return roles_of(patterns_rows(tmp_path, "app"), "adapter")


def test_translating_the_callers_request(tmp_path: Path) -> None:
    roles = _roles(tmp_path, run="run(self, level)", revert="revert(self, level)", arg="level", back="level")
    assert roles == {"SetLevel": "adapter", "Action": "target", "Dial": "adaptee"}


def test_a_captured_request_on_a_typed_receiver_is_no_translation(tmp_path: Path) -> None:
    roles = _roles(tmp_path, run="run(self)", revert="revert(self)", arg="self.level", back="self.previous")
    assert roles == {}
