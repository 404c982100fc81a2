"""An Abstract Factory's client keeps the products the factory makes (`self.button =
self.factory.create_button()`) and calls them: through `agentls patterns` run as a
subprocess, it is the factory's client and the products are no Strategy family it was
configured with (the family it chose is the factory). The near miss, one assignment away:
the same class handed a button in its constructor (`self.button = button`) and painting it
is configured with one of the interchangeable buttons: a Strategy context, as before."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

GUI = """\
from abc import ABC, abstractmethod


class Button(ABC):
    @abstractmethod
    def paint(self) -> None: ...


class Checkbox(ABC):
    @abstractmethod
    def paint(self) -> None: ...


class WinButton(Button):
    def paint(self) -> None:
        print("win button")


class MacButton(Button):
    def paint(self) -> None:
        print("mac button")


class WinCheckbox(Checkbox):
    def paint(self) -> None:
        print("win checkbox")


class MacCheckbox(Checkbox):
    def paint(self) -> None:
        print("mac checkbox")


class GuiFactory(ABC):
    @abstractmethod
    def create_button(self) -> Button: ...

    @abstractmethod
    def create_checkbox(self) -> Checkbox: ...


class WinFactory(GuiFactory):
    def create_button(self) -> Button:
        return WinButton()

    def create_checkbox(self) -> Checkbox:
        return WinCheckbox()


class MacFactory(GuiFactory):
    def create_button(self) -> Button:
        return MacButton()

    def create_checkbox(self) -> Checkbox:
        return MacCheckbox()


class Application:
    button: Button

    def __init__(self, factory: GuiFactory, button: Button) -> None:
        self.factory = factory
        self.button = SOURCE

    def paint(self) -> None:
        self.button.paint()
"""


def _strategy(tmp_path: Path, source: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/gui.py": GUI.replace("SOURCE", source)})
    return roles_of(patterns_rows(tmp_path, "app"), "strategy")


def test_a_client_keeping_what_the_factory_made_is_no_context(tmp_path: Path) -> None:
    found = _strategy(tmp_path, "self.factory.create_button()")
    assert "Application" not in found and "Button" not in found and "WinButton" not in found


def test_a_holder_handed_the_button_is_a_context(tmp_path: Path) -> None:
    found = _strategy(tmp_path, "button")
    assert found.get("Application") == "context"
    assert found.get("Button") == "strategy"
    assert found.get("WinButton") == "concrete_strategy"
