"""A node holding one child of its own interface and branching before it asks it (a template
block answering from the context, else rendering its body) looks like a protection proxy,
through `agentls patterns` run as a subprocess: beside a sibling handed a list of them
(`Group(children: list[Node])`), it is an inner node of a tree, no proxy; without that sibling
(the near miss) the same class still reads as a proxy, and a virtual proxy that makes its
subject itself stays one beside such a sibling (the book's `ImageProxy` among graphics)."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

NODES = """\
class Node:
    def render(self, context: dict[str, str]) -> str:
        raise NotImplementedError


class Text(Node):
    def __init__(self, value: str) -> None:
        self.value = value

    def render(self, context: dict[str, str]) -> str:
        return self.value


class Block(Node):
    def __init__(self, name: str, body: Node) -> None:
        self.name = name
        self.body = body

    def render(self, context: dict[str, str]) -> str:
        if self.name in context:
            return context[self.name]
        return self.body.render(context)
"""

GROUP = """\


class Group(Node):
    def __init__(self, children: list[Node]) -> None:
        self.children = children

    def render(self, context: dict[str, str]) -> str:
        return "".join(child.render(context) for child in self.children)
"""

GRAPHICS = """\
class Graphic:
    def draw(self) -> str:
        raise NotImplementedError


class Image(Graphic):
    def __init__(self, path: str) -> None:
        self.path = path

    def draw(self) -> str:
        return "<img " + self.path + ">"


class ImageProxy(Graphic):
    def __init__(self, path: str) -> None:
        self.path = path
        self._image: Image | None = None

    def draw(self) -> str:
        if self._image is None:
            self._image = Image(self.path)
        return self._image.draw()


class Picture(Graphic):
    def __init__(self, parts: list[Graphic]) -> None:
        self.parts = parts

    def draw(self) -> str:
        return "".join(part.draw() for part in self.parts)
"""


def _proxies(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/nodes.py": text})
    return roles_of(patterns_rows(tmp_path, "app"), "proxy")


def test_a_one_child_node_beside_a_list_holding_node_is_no_proxy(tmp_path: Path) -> None:
    assert "Block" not in _proxies(tmp_path, NODES + GROUP)


def test_the_same_class_without_the_list_holding_sibling_reads_as_a_proxy(tmp_path: Path) -> None:
    assert _proxies(tmp_path, NODES).get("Block") == "proxy"


def test_a_virtual_proxy_making_its_subject_stays_one_beside_a_list_holding_sibling(tmp_path: Path) -> None:
    assert _proxies(tmp_path, GRAPHICS).get("ImageProxy") == "proxy"
