"""A Factory Method whose creator makes a default product itself (`Dialog.create_button()`
returning a `Button`, called by `Dialog.render()`) and one subclass overriding it with another
product (`WebDialog` making an `HtmlButton`), through `agentls patterns` run as a subprocess:
the base is the `creator`, the subclass a `concrete_creator`, both buttons products. The near
miss, one call away: when no method of the base calls the creation method, the override is
an ordinary one and there is no Factory Method."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

DIALOG = """\
class Button:
    def click(self) -> str:
        return "click"


class HtmlButton(Button):
    def click(self) -> str:
        return "<button>click</button>"


class Dialog:
    def create_button(self) -> Button:
        return Button()

    def render(self) -> str:
        button = SELF.create_button()
        return button.click()


class WebDialog(Dialog):
    def create_button(self) -> Button:
        return HtmlButton()
"""


def _roles(tmp_path: Path, receiver: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/dialog.py": DIALOG.replace("SELF", receiver)})
    return roles_of(patterns_rows(tmp_path, "app"), "factory")


def test_default_product_and_one_override_make_a_factory_method(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "self")
    assert roles.get("Dialog") == "creator"
    assert roles.get("WebDialog") == "concrete_creator"
    assert roles.get("HtmlButton") == "product" and roles.get("Button") == "product"


def test_creation_method_nobody_in_the_base_calls_is_no_factory_method(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "Dialog()")
    assert "Dialog" not in roles and "WebDialog" not in roles
