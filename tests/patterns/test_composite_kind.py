"""A composite stands in for its children: through `agentls patterns` run as a subprocess, a
group deriving the interface of the children it is declared to take is a composite, and the
same loop in a class with no base that takes children declared of another class (a plug-in
manager calling `setup` on each plug-in) is not."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows

GRAPHICS = """\
class Graphic:
    def draw(self) -> str:
        raise NotImplementedError


class Dot(Graphic):
    def draw(self) -> str:
        return "."


class Group(Graphic):
    def __init__(self) -> None:
        self.items = []

    def add(self, item: Graphic) -> None:
        self.items.append(item)

    def draw(self) -> str:
        return "".join(item.draw() for item in self.items)

    def draw_all(self) -> None:
        for item in self.items:
            item.draw()
"""

PLUGINS = """\
class Plugin:
    def setup(self, app: object) -> None:
        pass


class Manager:
    def __init__(self) -> None:
        self.plugins = []

    def register(self, plugin: Plugin) -> None:
        self.plugins.append(plugin)

    def setup(self, app: object) -> None:
        for p in self.plugins:
            p.setup(app)
"""


def _composites(tmp_path: Path, name: str, text: str) -> dict[str, str]:
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / name).write_text(text)
    rows = patterns_rows(tmp_path, "app")
    return {str(r["symbol"]): str(r["role"]) for r in rows if r["pattern"] == "composite"}


def test_a_group_of_its_own_interface_is_a_composite(tmp_path: Path) -> None:
    found = _composites(tmp_path, "graphics.py", GRAPHICS)
    assert found.get("Group") == "composite"
    assert found.get("Graphic") == "component"
    assert found.get("Dot") == "leaf"


def test_a_manager_running_children_of_another_class_is_no_composite(tmp_path: Path) -> None:
    assert _composites(tmp_path, "plugins.py", PLUGINS) == {}
