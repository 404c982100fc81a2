"""A metaclass whose `__new__` makes the class (`cls = super().__new__(mcs, name, bases, ns)`),
sets it up and returns it makes one class per class statement: no Singleton. Beside the near
miss: a class whose `__new__` hands back the class argument itself (`return cls`), so that
every construction yields that one class object, still is one. Through `agentls patterns` run
as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

META = """\
class FieldsMeta(type):
    def __new__(mcs, name, bases, namespace):
        cls = super().__new__(mcs, name, bases, namespace)
        cls._fields = [k for k in namespace.get("__annotations__", {})]
        return cls


class Form(metaclass=FieldsMeta):
    name: str
    email: str
"""

SHARED = """\
class Settings:
    debug = False
    level = "info"

    def __new__(cls):
        return cls


class Form:
    name: str
    email: str
"""


def test_metaclass_making_each_class_is_no_singleton(tmp_path: Path) -> None:
    write_tree(tmp_path, {"forms/meta.py": META})
    roles = roles_of(patterns_rows(tmp_path, "--min-confidence", "0"), "singleton")
    assert roles == {}


def test_new_returning_the_class_itself_is_a_singleton(tmp_path: Path) -> None:
    write_tree(tmp_path, {"forms/meta.py": SHARED})
    roles = roles_of(patterns_rows(tmp_path, "--min-confidence", "0"), "singleton")
    assert roles.get("Settings") == "singleton"
