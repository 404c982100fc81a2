"""A factory may look the class up in its own table into a local first (`kind =
cls._kinds.get(name)`, a guard raising when it is missing, then `return kind()`), and an
override may leave its return type to the method it carries out (`ToyShop.make(...)` under
`Shop.make(...) -> Toy`): through `agentls patterns` run as a subprocess, both are factories
of the classes the table maps to. The near misses: the same lookup in a table of callbacks
answering text (`-> str`) makes no product, and an override whose base declares no return
type either leaves nothing to tell the products by."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

TOYS = """\
from abc import ABC, abstractmethod


class Toy(ABC):
    @abstractmethod
    def play(self) -> str: ...


class Car(Toy):
    def play(self) -> str:
        return "vroom"


class Doll(Toy):
    def play(self) -> str:
        return "hello"
"""

REGISTRY = """\
from toys import Car, Doll, Toy


def shout(text: str) -> str:
    return text.upper()


def whisper(text: str) -> str:
    return text.lower()


class Kinds:
    _kinds = {"car": Car, "doll": Doll}
    _voices = {"shout": shout, "whisper": whisper}

    @classmethod
    def make(cls, name: str) -> ANSWER:
        kind = cls.TABLE.get(name)
        if kind is None:
            raise ValueError(name)
        return kind(ARG)

    @classmethod
    def register(cls, name: str, kind: type[Toy]) -> None:
        cls._kinds[name] = kind
"""

SHOPS = """\
from abc import ABC, abstractmethod

from toys import Car, Doll, Toy


class Shop(ABC):
    @abstractmethod
    def make(self, name: str)DECLARED: ...


class ToyShop(Shop):
    def make(self, name: str):
        kinds = {"car": Car, "doll": Doll}
        kind = kinds.get(name)
        if kind is None:
            raise ValueError(name)
        return kind()
"""


def _factory_roles(tmp_path: Path, files: dict[str, str]) -> dict[str, str]:
    write_tree(tmp_path, {"toys.py": TOYS, **files})
    return roles_of(patterns_rows(tmp_path, "--no-smells"), "factory")


def test_a_class_looked_up_in_the_own_table_into_a_local_is_made_by_a_factory(tmp_path: Path) -> None:
    text = REGISTRY.replace("ANSWER", "Toy").replace("TABLE", "_kinds").replace("ARG", "")
    roles = _factory_roles(tmp_path, {"registry.py": text})
    assert roles.get("Kinds.make") == "factory"
    assert roles.get("Car") == "product"
    assert roles.get("Doll") == "product"


def test_a_callback_looked_up_the_same_way_answering_text_is_no_factory(tmp_path: Path) -> None:
    text = REGISTRY.replace("ANSWER", "str").replace("TABLE", "_voices").replace("ARG", "name")
    roles = _factory_roles(tmp_path, {"registry.py": text})
    assert "Kinds.make" not in roles
    assert "Kinds" not in roles


def test_an_override_answers_what_the_method_it_carries_out_declares(tmp_path: Path) -> None:
    roles = _factory_roles(tmp_path, {"shops.py": SHOPS.replace("DECLARED", " -> Toy")})
    assert roles.get("ToyShop") == "factory"
    assert roles.get("Car") == "product"


def test_an_override_of_an_undeclared_method_tells_no_products(tmp_path: Path) -> None:
    roles = _factory_roles(tmp_path, {"shops.py": SHOPS.replace("DECLARED", "")})
    assert "ToyShop" not in roles
    assert "ToyShop.make" not in roles
