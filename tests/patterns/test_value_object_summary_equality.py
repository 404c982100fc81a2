"""A value may compare a private summary of its own state rather than its fields one by one
(`self._key() == other._key()` over `(self._amount, self._currency)`, hashed on the same), and
code ported from Java hands `__eq__` on to `equals(other)`, which compares a tuple made from
`self.__dict__`: both compare what the summary reads. Beside the near misses: a summary of an
identity (`self._key()` answering `self._id`) among other state is an entity's equality, and
an `equals` comparing one attribute of an object with more state is no value equality.
Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

KEYED = """\
class Money:
    def __init__(self, amount: int, currency: str) -> None:
        self._amount = amount
        self._currency = currency

    def _key(self) -> tuple:
        return (self._amount, self._currency)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Money) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())
"""

JAVA = """\
from typing import Any


class ValueObject:
    def equals(self, other: Any) -> bool:
        if not isinstance(other, self.__class__):
            return False
        return self.__attributes() == other.__attributes()

    def __eq__(self, other: Any) -> bool:
        return self.equals(other)

    def __hash__(self) -> int:
        return hash(self.__attributes())

    def __attributes(self) -> tuple:
        return tuple(getattr(self, name) for name in sorted(self.__dict__))
"""

IDENTITY = """\
class Order:
    def __init__(self, id: str, lines: list) -> None:
        self._id = id
        self._lines = lines

    def _key(self) -> str:
        return self._id

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Order) and self._key() == other._key()

    def add(self, line: object) -> None:
        self._lines.append(line)
"""

ONE_OF_MANY = """\
from typing import Any


class Shipment:
    def __init__(self, code: str, weight: int, carrier: str) -> None:
        self.code = code
        self.weight = weight
        self.carrier = carrier

    def equals(self, other: Any) -> bool:
        return self.code == other.code

    def __eq__(self, other: Any) -> bool:
        return self.equals(other)
"""


def _values(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/domain/model.py": text})
    return roles_of(patterns_rows(tmp_path, "app", "--min-confidence", "0"), "value_object")


def test_a_private_key_summary_compares_its_values(tmp_path: Path) -> None:
    assert _values(tmp_path, KEYED) == {"Money": "value_object"}


def test_equals_over_a_dict_summary_compares_all_attributes(tmp_path: Path) -> None:
    assert _values(tmp_path, JAVA) == {"ValueObject": "value_object"}


def test_a_summary_of_the_identity_is_no_value(tmp_path: Path) -> None:
    assert _values(tmp_path, IDENTITY) == {}


def test_equals_on_one_attribute_of_many_is_no_value(tmp_path: Path) -> None:
    assert _values(tmp_path, ONE_OF_MANY) == {}
