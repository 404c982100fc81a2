"""A base providing an event-recording method is an aggregate root when the domain model derives
it, not when it is a mixin giving an application's command handler an event list to release.

Both bases live in a domain package and append what `fire_event(event)` receives to
`self.events`; only where their subclass lives differs."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

RECORDING = """\
class Recording:
    def __init__(self):
        self.events = []

    def fire_event(self, event):
        self.events.append(event)

    def release_events(self):
        events, self.events = self.events, []
        return events
"""

USER = """\
from shop.domain.recording import Recording


class Basket(Recording):
    def __init__(self, basket_id):
        super().__init__()
        self.basket_id = basket_id
        self.lines = []

    def add(self, line):
        self.lines.append(line)
        self.fire_event(("LineAdded", self.basket_id))
"""


def _roots(tmp_path: Path, where: str) -> set[str]:
    write_tree(tmp_path, {"shop/domain/recording.py": RECORDING, f"shop/{where}.py": USER})
    return {r["symbol"] for r in patterns_rows(tmp_path, "shop") if r["role"] == "aggregate_root"}


def test_a_recording_base_of_the_domain_model_is_a_root(tmp_path: Path) -> None:
    assert "Recording" in _roots(tmp_path, "domain/basket")


def test_a_recording_mixin_of_an_application_handler_is_not(tmp_path: Path) -> None:
    assert "Recording" not in _roots(tmp_path, "use_cases/handlers")
