"""A hub with state of its own (a name, a queue) that registers its colleagues by handing
itself to each one it keeps (`aircraft.set_tower(self)`), the one colleague kind reporting to
it with itself (`self.tower.request_landing(self)`), is their mediator; and a hub told its
colleagues' kind by annotation (`register(self, aircraft: Aircraft)`) keeps colleagues even
when the program hands it a local. Through `agentls patterns` run as a subprocess. The near
misses: a tree node setting its children's parent (`child.parent = self`) that children of
the same family call back (`self.parent.remove(self)`) is a Composite, not a mediator; a hub
keeping untyped what a local hands it, binding nothing, shows no colleagues."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

TOWER = """\
class Aircraft:
    def __init__(self, call_sign):
        self.call_sign = call_sign
        self.tower = None
        self.landed = False

    def set_tower(self, tower):
        self.tower = tower

    def approach(self):
        self.tower.request_landing(self)


class Tower:
    def __init__(self, name):
        self.name = name
        self.runways = ["09L", "27R"]
        self.waiting = []
        self.registered = []

    def register(self, aircraft ANNOTATION):
        self.registered.append(aircraft)
        BIND

    def request_landing(self, aircraft):
        if self.runways:
            self.runways.pop()
            aircraft.landed = True
        else:
            self.waiting.append(aircraft)


def main():
    tower = Tower("EHAM")
    plane = Aircraft("KL1")
    tower.register(plane)
    plane.approach()
"""

TREE = """\
class Node:
    def __init__(self, name):
        self.name = name
        self.parent = None


class File(Node):
    def delete(self):
        self.parent.remove(self)


class Folder(Node):
    def __init__(self, name):
        super().__init__(name)
        self.children = []
        self.size = 0

    def add(self, child):
        self.children.append(child)
        child.parent = self

    def remove(self, child):
        if child in self.children:
            self.children.remove(child)
            self.size -= 1
        for c in self.children:
            c.parent = self

    def delete(self):
        self.parent.remove(self)


def main():
    root = Folder("/")
    doc = File("a.txt")
    root.add(doc)
    doc.delete()
"""


def _roles(tmp_path: Path, source: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/air.py": source})
    return roles_of(patterns_rows(tmp_path, "app"), "mediator")


def test_a_hub_handing_itself_to_each_colleague_it_keeps_mediates(tmp_path: Path) -> None:
    roles = _roles(tmp_path, TOWER.replace(" ANNOTATION", "").replace("BIND", "aircraft.set_tower(self)"))
    assert roles == {"Tower": "mediator", "Aircraft": "colleague"}


def test_a_hub_told_its_colleagues_kind_by_annotation_keeps_colleagues(tmp_path: Path) -> None:
    source = TOWER.replace("ANNOTATION", ": Aircraft").replace("BIND", "aircraft.tower = self")
    assert _roles(tmp_path, source) == {"Tower": "mediator", "Aircraft": "colleague"}


def test_a_tree_node_setting_its_childrens_parent_is_no_mediator(tmp_path: Path) -> None:
    assert _roles(tmp_path, TREE) == {}


def test_a_hub_keeping_untyped_locals_and_binding_nothing_shows_no_colleagues(tmp_path: Path) -> None:
    source = TOWER.replace(" ANNOTATION", "").replace("BIND", "print(aircraft.call_sign)")
    assert _roles(tmp_path, source) == {}
