"""An implementation of an interface serving its methods by differently named methods of a
typed object it is handed (`describe()` calling `self.tint.to_hex()`) stays an object
adapter over that class; beside its near miss: the same class when the held object is an
immutable value (`@dataclass(frozen=True)`), which the class keeps as state and reads, not
a foreign interface it adapts."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

SOURCE = """\
from abc import ABC, abstractmethod
from dataclasses import dataclass


{decorator}
class Tint:
    red: int = 0
    green: int = 0

    def to_hex(self):
        return f"#{{self.red:02x}}{{self.green:02x}}"

    def to_rgb(self):
        return (self.red, self.green)


class Glyph(ABC):
    @abstractmethod
    def describe(self):
        ...

    @abstractmethod
    def channels(self):
        ...


class Letter(Glyph):
    def __init__(self, tint: Tint):
        self.tint = tint

    def describe(self):
        return self.tint.to_hex()

    def channels(self):
        return self.tint.to_rgb()
"""


def _roles(tmp_path: Path, decorator: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/glyphs.py": SOURCE.format(decorator=decorator)})
    return roles_of(patterns_rows(tmp_path, "app"), "adapter")


def test_a_class_with_behaviour_is_adapted(tmp_path: Path) -> None:
    assert _roles(tmp_path, "@dataclass") == {"Letter": "adapter", "Glyph": "target", "Tint": "adaptee"}


def test_an_immutable_value_held_is_no_adaptee(tmp_path: Path) -> None:
    assert _roles(tmp_path, "@dataclass(frozen=True)") == {}
