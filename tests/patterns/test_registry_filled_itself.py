"""A class whose private storing helper only its own methods call, each with an object made
there (`self._keep(kind, RoundBrush())`), fills its own cache and registers nothing, through
`agentls patterns` run as a subprocess; beside its near miss: the same private helper called
by a public method with what clients hand it, which stays a registry."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

FILLED = """\
class RoundBrush:
    def paint(self):
        print("round")


class FlatBrush:
    def paint(self):
        print("flat")


class BrushBox:
    def __init__(self):
        self._brushes = {}

    def _keep(self, kind, brush):
        self._brushes[kind] = brush
        return brush

    def brush(self, kind):
        if kind in self._brushes:
            return self._brushes[kind]
        if kind == "round":
            return self._keep(kind, RoundBrush())
        return self._keep(kind, FlatBrush())

    def paint(self, kind):
        self._brushes[kind].paint()
"""

HANDED = """\
class Commands:
    def __init__(self):
        self._table = {}

    def _keep(self, name, action):
        self._table[name] = action
        return action

    def add(self, name, action):
        return self._keep(name, action)

    def run(self, name):
        return self._table[name]()
"""


def test_a_cache_the_class_fills_with_what_it_makes_is_no_registry(tmp_path: Path) -> None:
    write_tree(tmp_path, {"box.py": FILLED})
    assert roles_of(patterns_rows(tmp_path), "registry") == {}


def test_the_same_helper_keeping_what_clients_hand_stays_a_registry(tmp_path: Path) -> None:
    write_tree(tmp_path, {"commands.py": HANDED})
    assert roles_of(patterns_rows(tmp_path), "registry") == {"Commands": "registry"}
