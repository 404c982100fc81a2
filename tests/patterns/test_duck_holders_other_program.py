"""One program per folder: an examples repository keeps a bridge in one folder and a command
in another, and neither imports the other. The command keeps its receiver untyped and calls
`.render()` on it, a method the bridge's renderers also answer: analysed alone the command
folder holds no renderer, so the whole repository must not make it hold one (a Bridge
abstraction read into the command), through `agentls patterns` run as a subprocess. The look-
alike: a command folder whose `main.py` imports the renderers and hands one to the command
is one program with them, and the command keeps holding a renderer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.patterns.cli import patterns_rows, roles_of, write_tree

RENDERERS = """\
class Renderer:
    def render(self, text):
        pass


class HtmlRenderer(Renderer):
    def render(self, text):
        return "<p>" + text + "</p>"


class PlainRenderer(Renderer):
    def render(self, text):
        return text


class Page:
    def __init__(self, renderer):
        self._renderer = renderer

    def show(self, text):
        print(self._renderer.render(text))


if __name__ == "__main__":
    Page(HtmlRenderer()).show("hi")
    Page(PlainRenderer()).show("hi")
"""

COMMAND = """\
class Screen:
    def render(self, text):
        print("screen:", text)


class Order:
    def run(self):
        pass


class ShowOrder(Order):
    def __init__(self, screen):
        self._screen = screen

    def run(self):
        self._screen.render("order")


class Remote:
    def __init__(self):
        self._order = None

    def press(self, order):
        self._order = order
        self._order.run()
"""

MAIN_APART = """\
from order import Remote, Screen, ShowOrder

Remote().press(ShowOrder(Screen()))
"""

MAIN_TIED = """\
from order import Remote, ShowOrder
from page import HtmlRenderer

Remote().press(ShowOrder(HtmlRenderer()))
"""


def _order_rows(tmp_path: Path, main: str, page_folder: str) -> list[dict[str, Any]]:
    write_tree(
        tmp_path,
        {
            f"examples/{page_folder}/page.py": RENDERERS,
            "examples/order/order.py": COMMAND,
            "examples/order/main.py": main,
        },
    )
    rows = patterns_rows(tmp_path, "examples")
    return [r for r in rows if str(r["path"]).startswith("examples/order/")]


def test_a_command_of_another_folder_holds_no_renderer_of_a_bridge_folder(tmp_path: Path) -> None:
    rows = _order_rows(tmp_path, MAIN_APART, "bridge")
    roles = roles_of(rows, "bridge")
    assert "ShowOrder" not in roles
    assert "Order" not in roles
    assert roles_of(rows, "command").get("ShowOrder") == "concrete_command"


def test_a_command_handed_the_renderers_by_its_main_still_holds_one(tmp_path: Path) -> None:
    # The renderers' module sits beside the command (one script folder), imported by main.py.
    roles = roles_of(_order_rows(tmp_path, MAIN_TIED, "order"), "bridge")
    assert roles.get("ShowOrder") == "refined_abstraction"
