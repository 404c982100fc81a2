"""Value object vs equality by class: in a domain package, a class whose `__eq__` compares
its value is a value object; one whose `__eq__` only compares `self.__class__` (every
instance equal to every other: a stateless subscriber) compares no value. Through `agentls
patterns`, side by side."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

CODE = """\
class Listener:
    def __init__(self, amount: int = 0) -> None:
        self._amount = amount

    @property
    def amount(self) -> int:
        return self._amount

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, self.__class__):
            return False
        return {compared}

    def __hash__(self) -> int:
        return hash({hashed})
"""


def _values(tmp_path: Path, compared: str, hashed: str) -> set[str]:
    text = CODE.replace("{compared}", compared).replace("{hashed}", hashed)
    write_tree(tmp_path, {"shop/__init__.py": "", "shop/domain/__init__.py": "", "shop/domain/listen.py": text})
    rows = patterns_rows(tmp_path, "shop")
    return {str(r["symbol"]) for r in rows if r["pattern"] == "value_object"}


def test_equality_on_the_value_is_a_value_object(tmp_path: Path) -> None:
    assert "Listener" in _values(tmp_path, "self.amount == other.amount", "self.amount")


def test_equality_on_the_class_alone_is_no_value_object(tmp_path: Path) -> None:
    # The near miss: the same class, equal to every other instance of its class.
    assert "Listener" not in _values(tmp_path, "self.__class__ == other.__class__", "self.__class__")
