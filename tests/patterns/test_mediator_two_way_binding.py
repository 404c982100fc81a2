"""A hub may only relay: built with its colleagues, it hands itself to each of them
(`self.left.set_hub(self)`, or `self.right.hub = self`) and passes what one reports on to
another without branching (`notify(sender, event)` calling `self.right.receive(sender,
event)`). The colleagues calling it back with themselves (`self._hub.notify(self, "A")`) report
to a mediator, through `agentls patterns` run as a subprocess. The near miss: the class hands
itself to one object it keeps only, a back-reference: no mediator."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, role_map, write_tree

PANEL = """\
class Hub:
    def __init__(self, left, right):
        self.left = left
        self.left.set_hub(self)
        self.right = right
        BIND_RIGHT

    def notify(self, sender, event):
        self.right.receive(sender, event)


class Part:
    def __init__(self, hub=None):
        self._hub = hub

    def set_hub(self, hub):
        self._hub = hub

    def receive(self, sender, event):
        print(type(self).__name__, "got", event, "from", type(sender).__name__)


class Slider(Part):
    def slide(self):
        self._hub.notify(self, "slid")


class Label(Part):
    def click(self):
        self._hub.notify(self, "clicked")


def main():
    slider, label = Slider(), Label()
    Hub(slider, label)
    slider.slide()
    label.click()
"""


def _roles(tmp_path: Path, bind: str) -> dict[tuple[str, str], str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/panel.py": PANEL.replace("BIND_RIGHT", bind)})
    return role_map(patterns_rows(tmp_path, "app", "--min-confidence", "0"))


def test_a_hub_bound_into_the_colleagues_it_keeps_mediates(tmp_path: Path) -> None:
    for bind in ("self.right.set_hub(self)", "self.right._hub = self"):
        roles = _roles(tmp_path, bind)
        assert roles.get(("Hub", "mediator")) == "mediator", bind
        assert roles.get(("Slider", "mediator")) == "colleague", bind
        assert roles.get(("Label", "mediator")) == "colleague", bind


def test_a_back_reference_handed_to_one_object_is_no_mediator(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "pass")
    assert ("Hub", "mediator") not in roles
