"""A director running no-argument steps on the builder it holds (`construct()`) and handing the
product out in a getter of its own (`get_boat()` returning `self._builder.boat`), over one
builder whose base makes the product into that attribute (`self.boat = Boat()`) and whose
steps fill that object in (`self.boat.mast = ...`). Through `agentls patterns` run as a
subprocess: the director, the builder and the product are reported, though there is one
builder and no interface declaring the steps. The near miss, with the same wiring: a
controller starting an engine whose steps change the engine's own state (`self.ready =
True`), one of them making a `Snapshot` the controller reads back: nothing fills the object
handed out, no builder."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

YARD = """\
class Boat:
    def __init__(self):
        self.hull = None
        self.mast = None
        self.sails = None


class BoatBuilder:
    def __init__(self):
        self.boat = None

    def new_boat(self):
        self.boat = Boat()


class SloopBuilder(BoatBuilder):
    def lay_hull(self):
        self.boat.hull = "oak"

    def raise_mast(self):
        self.boat.mast = "single"

    def rig_sails(self):
        self.boat.sails = "main and jib"


class Shipwright:
    def __init__(self, builder):
        self._builder = builder

    def construct(self):
        self._builder.new_boat()
        self._builder.lay_hull()
        self._builder.raise_mast()
        self._builder.rig_sails()

    def get_boat(self):
        return self._builder.boat


if __name__ == "__main__":
    wright = Shipwright(SloopBuilder())
    wright.construct()
    print(wright.get_boat().mast)
"""

CONTROLLER = """\
class Snapshot:
    def __init__(self):
        self.frames = 0


class Engine:
    def __init__(self):
        self.state = None
        self.ready = False
        self.loaded = False

    def load(self):
        self.state = Snapshot()
        self.loaded = True

    def warm_up(self):
        self.ready = True


class Controller:
    def __init__(self, engine):
        self._engine = engine

    def start(self):
        self._engine.load()
        self._engine.warm_up()

    def snapshot(self):
        return self._engine.state


if __name__ == "__main__":
    controller = Controller(Engine())
    controller.start()
    print(controller.snapshot().frames)
"""


def _builder(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"yard.py": text})
    return roles_of(patterns_rows(tmp_path, "yard.py"), "builder")


def test_a_director_handing_the_product_out_in_a_getter(tmp_path: Path) -> None:
    found = _builder(tmp_path, YARD)
    assert found.get("Shipwright") == "director"
    assert found.get("SloopBuilder") == "builder"
    assert found.get("Boat") == "product"


def test_steps_changing_the_helpers_own_state_build_nothing(tmp_path: Path) -> None:
    assert _builder(tmp_path, CONTROLLER) == {}
