"""Beside a composite, an implementation of the component with no child is a leaf, and one
that calls the same method on one child it holds (a block generating its body) is an inner
node of the tree, reported as a composite, not a leaf: the same class with and without its
child. Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

NODES = """\
class Node:
    def generate(self, out: list) -> None:
        raise NotImplementedError


class Chunks(Node):
    def __init__(self, chunks: list) -> None:
        self.chunks = chunks

    def generate(self, out: list) -> None:
        for chunk in self.chunks:
            chunk.generate(out)


class Text(Node):
    def __init__(self, text: str) -> None:
        self.text = text

    def generate(self, out: list) -> None:
        out.append(self.text)


class Block(Node):
    def __init__(self, name: str, body: Node) -> None:
        self.name = name
        self.body = body

    def generate(self, out: list) -> None:
        out.append(self.name)
        {block}
"""


def _roles(tmp_path: Path, block: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/nodes.py": NODES.replace("{block}", block)})
    return roles_of(patterns_rows(tmp_path, "app"), "composite")


def test_a_node_generating_the_body_it_holds_is_an_inner_node(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "self.body.generate(out)")
    assert roles == {"Node": "component", "Chunks": "composite", "Text": "leaf", "Block": "composite"}


def test_a_node_that_never_generates_a_child_is_a_leaf(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "out.append(self.name)")
    assert roles == {"Node": "component", "Chunks": "composite", "Text": "leaf", "Block": "leaf"}
