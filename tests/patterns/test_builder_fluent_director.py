"""A director holding a fluent builder and running its steps as one chain
(`self._builder.named(n).aged(a).living_in(c)`, then `return self._builder.build()`), through
`agentls patterns` run as a subprocess: each step of the chain is asked of the held builder,
as each returns it, so the class is the director. The near miss: the same holder asking the
builder only for its result and chaining on what that answers (`self._builder.build()
.describe().upper()`): one call of the builder, no steps driven, no director."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

BUILDER = """\
from abc import ABC, abstractmethod


class Person:
    def __init__(self, name, age, city):
        self.name = name
        self.age = age
        self.city = city

    def describe(self):
        return f"{self.name} ({self.age}) of {self.city}"


class PersonBuilder(ABC):
    @abstractmethod
    def named(self, name): ...

    @abstractmethod
    def aged(self, age): ...

    @abstractmethod
    def living_in(self, city): ...

    @abstractmethod
    def build(self): ...


class PlainPersonBuilder(PersonBuilder):
    def __init__(self):
        self._name = ""
        self._age = 0
        self._city = ""

    def named(self, name):
        self._name = name
        return self

    def aged(self, age):
        self._age = age
        return self

    def living_in(self, city):
        self._city = city
        return self

    def build(self):
        return Person(self._name, self._age, self._city)


class Registry:
    def __init__(self, builder: PersonBuilder):
        self._builder = builder

    def BODY
"""

DIRECTOR = """newcomer(self, name):
        self._builder.named(name).aged(18).living_in("Lyon")
        return self._builder.build()"""

READER = """label(self):
        return self._builder.build().describe().upper()"""


def _roles(tmp_path: Path, body: str) -> dict[str, str]:
    write_tree(tmp_path, {"people.py": BUILDER.replace("BODY", body)})
    return roles_of(patterns_rows(tmp_path, "."), "builder")


def test_a_holder_chaining_fluent_steps_is_the_director(tmp_path: Path) -> None:
    roles = _roles(tmp_path, DIRECTOR)
    assert roles["Registry"] == "director"
    assert roles["PlainPersonBuilder"] == "builder"
    assert roles["Person"] == "product"


def test_near_miss_chaining_on_the_result_drives_no_steps(tmp_path: Path) -> None:
    roles = _roles(tmp_path, READER)
    assert "Registry" not in roles
    assert roles["PlainPersonBuilder"] == "builder"
