"""An abstract factory whose base also has helpers of its own (a static chooser, a method
building through its own creation methods) and is abstract through a base of the program
(`class Model(ABC)`), through `agentls patterns` run as a subprocess: its abstract creation
methods, each implementation making its own product of each kind, make it an Abstract
factory, and the program's base under the factories and products alike is no product
interface. The near miss, one class away: when each factory's two creation methods make one
and the same class (a template engine's `from_string` and `get_template`), there is no family."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

KIT = """\
from __future__ import annotations

import abc


class Model(abc.ABC):
    pass


class Link(Model):
    def __init__(self, caption: str) -> None:
        self.caption = caption


class Tray(Model):
    def __init__(self, caption: str) -> None:
        self.caption = caption


class ListLink(Link):
    pass


class ListTray(Tray):
    pass


class TableLink(Link):
    pass


class TableTray(Tray):
    pass


class Factory(Model):
    @staticmethod
    def get(kind: str) -> Factory:
        return ListFactory() if kind == "list" else TableFactory()

    @abc.abstractmethod
    def create_link(self, caption: str) -> Link: ...

    @abc.abstractmethod
    def create_tray(self, caption: str) -> Tray: ...

    def create_home(self) -> Tray:
        tray = self.create_tray("home")
        self.create_link("home")
        return tray


class ListFactory(Factory):
    def create_link(self, caption: str) -> Link:
        return ListLink(caption)

    def create_tray(self, caption: str) -> Tray:
        return LIST_TRAY(caption)


class TableFactory(Factory):
    def create_link(self, caption: str) -> Link:
        return TableLink(caption)

    def create_tray(self, caption: str) -> Tray:
        return TABLE_TRAY(caption)
"""


def _roles(tmp_path: Path, list_tray: str, table_tray: str) -> dict[str, str]:
    text = KIT.replace("LIST_TRAY", list_tray).replace("TABLE_TRAY", table_tray)
    write_tree(tmp_path, {"app/__init__.py": "", "app/kit.py": text})
    return roles_of(patterns_rows(tmp_path, "app"), "abstract_factory")


def test_abstract_creation_methods_beside_helpers_make_a_family(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "ListTray", "TableTray")
    assert roles.get("Factory") == "abstract_factory"
    assert roles.get("ListFactory") == "concrete_factory"
    assert roles.get("TableTray") == "product"
    assert "Model" not in roles


def test_creation_methods_all_making_one_class_make_no_family(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "ListLink", "TableLink")
    assert "Factory" not in roles and "ListFactory" not in roles
