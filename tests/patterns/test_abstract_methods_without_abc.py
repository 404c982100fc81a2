"""A class with no base declaring two or more `@abstractmethod`s is abstract even without the
ABC that would enforce them, through `agentls patterns` run as a subprocess: such a factory
interface (two creation methods so declared, beside a static `create` choosing the concrete
factory) is an abstract factory; the near miss declares only one of them abstract and gives
the other a default body, an ordinary class with one hook."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

WIDGETS = """\
from abc import abstractmethod


class Button:
    def render(self) -> str:
        return "button"


class Checkbox:
    def render(self) -> str:
        return "checkbox"


class DarkButton(Button):
    def render(self) -> str:
        return "dark button"


class LightButton(Button):
    def render(self) -> str:
        return "light button"


class DarkCheckbox(Checkbox):
    def render(self) -> str:
        return "dark checkbox"


class LightCheckbox(Checkbox):
    def render(self) -> str:
        return "light checkbox"


class ThemeFactory:
    @abstractmethod
    def create_button(self) -> Button: ...

    {checkbox}

    @staticmethod
    def create(theme: str) -> "ThemeFactory":
        return DarkFactory() if theme == "dark" else LightFactory()


class DarkFactory(ThemeFactory):
    def create_button(self) -> Button:
        return DarkButton()

    def create_checkbox(self) -> Checkbox:
        return DarkCheckbox()


class LightFactory(ThemeFactory):
    def create_button(self) -> Button:
        return LightButton()

    def create_checkbox(self) -> Checkbox:
        return LightCheckbox()
"""

ABSTRACT = """@abstractmethod
    def create_checkbox(self) -> Checkbox: ..."""

DEFAULT = """def create_checkbox(self) -> Checkbox:
        return Checkbox()"""


def _roles(tmp_path: Path, checkbox: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/widgets.py": WIDGETS.format(checkbox=checkbox)})
    return roles_of(patterns_rows(tmp_path, "app"), "abstract_factory")


def test_two_abstract_methods_without_an_abc_make_an_abstract_factory(tmp_path: Path) -> None:
    found = _roles(tmp_path, ABSTRACT)
    assert found.get("ThemeFactory") == "abstract_factory"
    assert found.get("DarkFactory") == "concrete_factory" and found.get("LightFactory") == "concrete_factory"


def test_one_abstract_method_beside_a_default_is_no_abstract_interface(tmp_path: Path) -> None:
    assert "ThemeFactory" not in _roles(tmp_path, DEFAULT)
