"""A flyweight factory written through helpers of its own class: `brush(kind)` asks one helper
for the entry of its dict (`self._cached(kind)`) and on a miss hands a new brush to another,
which stores what it is handed and answers it (`return self._keep(kind, RoundBrush())`),
through `agentls patterns` run as a subprocess; beside its near miss: the same helpers with
no lookup first, a new brush made and stored on every call, which shares nothing."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

BRUSHES = """\
class Brush:
    def __init__(self, tip: str):
        self.tip = tip

    def paint(self, x: int, y: int, colour: str):
        print(self.tip, x, y, colour)


class RoundBrush(Brush):
    def __init__(self):
        super().__init__("round")


class FlatBrush(Brush):
    def __init__(self):
        super().__init__("flat")


"""

SHARED = (
    BRUSHES
    + """\
class BrushBox:
    def __init__(self):
        self._brushes = {}

    def _keep(self, kind: str, brush: Brush) -> Brush:
        self._brushes[kind] = brush
        return brush

    def _cached(self, kind: str):
        if kind in self._brushes:
            return self._brushes[kind]
        return None

    def brush(self, kind: str) -> Brush:
        found = self._cached(kind)
        if found is not None:
            return found
        if kind == "round":
            return self._keep(kind, RoundBrush())
        return self._keep(kind, FlatBrush())
"""
)

FRESH = SHARED.replace(
    """\
    def _cached(self, kind: str):
        if kind in self._brushes:
            return self._brushes[kind]
        return None

""",
    "",
).replace(
    """\
        found = self._cached(kind)
        if found is not None:
            return found
""",
    "",
)


def test_a_factory_caching_through_its_helpers_is_a_flyweight_factory(tmp_path: Path) -> None:
    write_tree(tmp_path, {"brushes.py": SHARED})
    roles = roles_of(patterns_rows(tmp_path), "flyweight")
    assert roles == {"BrushBox": "flyweight_factory", "RoundBrush": "flyweight", "FlatBrush": "flyweight"}


def test_helpers_storing_a_new_brush_every_call_share_nothing(tmp_path: Path) -> None:
    write_tree(tmp_path, {"brushes.py": FRESH})
    assert roles_of(patterns_rows(tmp_path), "flyweight") == {}
