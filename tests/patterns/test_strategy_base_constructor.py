"""A holder configured by its own subclasses through the base's constructor: `super().__init__(
Quack())`, or `Duck.__init__(self, squeak)` after `squeak = Squeak()` (code older than `super()`
without arguments). What the subclasses hand the base is handed to the holder: two classes
defining what it calls are an implied strategy family; the same class handed by every subclass
chooses nothing."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

_SOUNDS = """
class Quack:
    def sound(self):
        return "quack"


class Squeak:
    def sound(self):
        return "squeak"
"""

_DUCK = """
from sounds import Quack, Squeak


class Duck:
    def __init__(self, voice):
        self.voice = voice

    def perform(self):
        return self.voice.sound()


class Mallard(Duck):
    def __init__(self):
        super().__init__(Quack())


class Rubber(Duck):
    def __init__(self):
        squeak = {made}()
        Duck.__init__(self, squeak)
"""


def _strategy(tmp_path: Path, made: str) -> dict[str, str]:
    write_tree(tmp_path, {"sounds.py": _SOUNDS, "duck.py": _DUCK.format(made=made)})
    return roles_of(patterns_rows(tmp_path, "--min-confidence", "0", "."), "strategy")


def test_classes_handed_to_the_base_constructor_by_subclasses_are_a_family(tmp_path: Path) -> None:
    roles = _strategy(tmp_path, "Squeak")
    assert roles.get("Duck") == "context"
    assert roles.get("Quack") == "concrete_strategy"
    assert roles.get("Squeak") == "concrete_strategy"


def test_one_class_handed_by_every_subclass_chooses_nothing(tmp_path: Path) -> None:
    roles = _strategy(tmp_path, "Quack")
    assert "Duck" not in roles and "Quack" not in roles
