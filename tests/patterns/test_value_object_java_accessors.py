"""A value object written as code ported from Java: it validates through a private setter its
constructor runs (`__init__` -> `self._set_value(value)`) and its `__eq__` compares accessors
(`self.value() == other.value()`). Beside the near misses: the same class whose public method
runs the setter again changes after creation, and one whose `__eq__` compares an accessor
answering a constant compares no value. Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

VALUE = """\
class Email:
    def __init__(self, value: str) -> None:
        self._set_value(value)

    def _set_value(self, value: str) -> None:
        if "@" not in value:
            raise ValueError(value)
        self._value = value

    def value(self) -> str:
        return self._value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Email) and self.value() == other.value()

    def __hash__(self) -> int:
        return hash(self.value())
"""

CHANGED = (
    VALUE
    + """\

    def change(self, value: str) -> None:
        self._set_value(value)
"""
)

CONSTANT = """\
class Email:
    def __init__(self, value: str) -> None:
        self._set_value(value)

    def _set_value(self, value: str) -> None:
        if "@" not in value:
            raise ValueError(value)
        self._value = value

    def kind(self) -> str:
        return "email"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Email) and self.kind() == other.kind()
"""


def _roles(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/domain/email.py": text})
    return roles_of(patterns_rows(tmp_path, "app", "--min-confidence", "0"), "value_object")


def test_a_value_validated_by_a_constructor_step_and_compared_by_accessors(tmp_path: Path) -> None:
    assert _roles(tmp_path, VALUE) == {"Email": "value_object"}


def test_a_setter_a_public_method_runs_again_changes_it(tmp_path: Path) -> None:
    assert _roles(tmp_path, CHANGED) == {}


def test_an_accessor_answering_a_constant_compares_no_value(tmp_path: Path) -> None:
    assert _roles(tmp_path, CONSTANT) == {}
