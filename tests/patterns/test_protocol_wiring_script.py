"""One class per file, wired in a main script: a script of no class of its own that imports a
Protocol and classes beside it, one of which it hands over as the Protocol, shows them
together, so another class there with the Protocol's shape implements it too, even when its
own file never names the Protocol. Through `agentls patterns` run as a subprocess, beside its
near misses (the script does not import the Protocol; a module defining a class of its own
imports its collaborators). Without any class handed as the Protocol, a shared method set
shows nothing (test_handed_protocols)."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

FILES = {
    "app/theme.py": """\
from typing import Protocol


class Theme(Protocol):
    def paint(self, canvas: list[str]) -> None: ...
""",
    "app/light.py": """\
class Light:
    def paint(self, canvas: list[str]) -> None:
        canvas.append("white")
""",
    "app/dark.py": """\
class Dark:
    def paint(self, canvas: list[str]) -> None:
        canvas.append("black")
""",
    "app/window.py": """\
from theme import Theme


class Window:
    def __init__(self, theme: Theme) -> None:
        self._theme = theme
        self.canvas: list[str] = []

    def show(self) -> None:
        self._theme.paint(self.canvas)
        print(self.canvas)
""",
}

MAIN = """\
{imports}from light import Light
from dark import Dark
from window import Window
{extra}
if __name__ == "__main__":
    Window(Light()).show()
"""


def _strategy_roles(tmp_path: Path, imports: str, extra: str = "") -> dict[str, str]:
    write_tree(tmp_path, {**FILES, "app/main.py": MAIN.format(imports=imports, extra=extra)})
    rows = patterns_rows(tmp_path, "app")
    return {str(r["symbol"]): str(r["role"]) for r in rows if r["pattern"] == "strategy"}


def test_a_script_importing_the_protocol_and_its_implementations_shows_them_together(tmp_path: Path) -> None:
    roles = _strategy_roles(tmp_path, "from theme import Theme\n")
    assert roles == {
        "Theme": "strategy",
        "Light": "concrete_strategy",
        "Dark": "concrete_strategy",
        "Window": "context",
    }


def test_a_script_not_importing_the_protocol_shows_nothing_of_it(tmp_path: Path) -> None:
    # The near miss: `Dark` is never handed over, and nowhere seen with `Theme`.
    assert _strategy_roles(tmp_path, "") == {}


def test_a_module_defining_a_class_imports_collaborators_not_a_family(tmp_path: Path) -> None:
    extra = "\n\nclass Splash:\n    def paint(self, canvas: list[str]) -> None:\n        canvas.clear()\n\n"
    roles = _strategy_roles(tmp_path, "from theme import Theme\n", extra)
    assert "Dark" not in roles
