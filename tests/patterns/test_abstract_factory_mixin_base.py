"""A concrete factory deriving, beside the factory base, a second interface of its own (a
mixin ABC: `class ListFactory(Factory, Describable)`), through `agentls patterns` run as a
subprocess. The factory base has helpers of its own (a static chooser, a method building
through its creation methods), so it is no interface; the concrete factory is one of its
factories still, not only of the interface it also implements. The near miss, one base away:
the same class deriving the mixin alone makes what it makes for no factory base, and is no
concrete factory."""

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


class Describable(abc.ABC):
    @abc.abstractmethod
    def describe(self) -> str: ...


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


class ListFactory(LIST_BASES):
    def describe(self) -> str:
        return "list"

    def create_link(self, caption: str) -> Link:
        return ListLink(caption)

    def create_tray(self, caption: str) -> Tray:
        return ListTray(caption)


class TableFactory(Factory):
    def create_link(self, caption: str) -> Link:
        return TableLink(caption)

    def create_tray(self, caption: str) -> Tray:
        return TableTray(caption)
"""


def _roles(tmp_path: Path, list_bases: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/kit.py": KIT.replace("LIST_BASES", list_bases)})
    return roles_of(patterns_rows(tmp_path, "app"), "abstract_factory")


def test_concrete_factory_deriving_a_second_interface_keeps_its_role(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "Factory, Describable")
    assert roles.get("Factory") == "abstract_factory"
    assert roles.get("ListFactory") == "concrete_factory"
    assert roles.get("TableFactory") == "concrete_factory"
    assert "Describable" not in roles


def test_class_deriving_only_the_mixin_is_no_concrete_factory(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "Describable")
    assert roles.get("ListFactory") != "concrete_factory"
