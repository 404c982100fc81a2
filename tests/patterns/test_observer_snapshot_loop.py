"""A subject may tell a copy of its observers (`for w in list(self._watchers)`,
`self._watchers.copy()`, or a local bound to one) so a watcher can unsubscribe while it is told;
the copy is still the kept list. A copy of another list of the class is not. Through
`agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.patterns.cli import patterns_rows, roles_of, write_tree

GAUGE = """\
class Gauge:
    def __init__(self) -> None:
        self._watchers = []
        self._readings = []
        self.level = 0

    def watch(self, watcher) -> None:
        self._watchers.append(watcher)

    def unwatch(self, watcher) -> None:
        self._watchers.remove(watcher)

    def set_level(self, level: int) -> None:
        self.level = level
        {loop}
            w.level_changed(level)
"""


@pytest.mark.parametrize(
    "loop",
    [
        "for w in list(self._watchers):",
        "for w in self._watchers.copy():",
        "told = tuple(self._watchers)\n        for w in told:",
    ],
)
def test_a_copy_of_the_watchers_is_told(tmp_path: Path, loop: str) -> None:
    write_tree(tmp_path, {"gauge.py": GAUGE.format(loop=loop)})
    assert roles_of(patterns_rows(tmp_path), "observer").get("Gauge") == "subject"


def test_a_copy_of_another_list_is_no_notification(tmp_path: Path) -> None:
    write_tree(tmp_path, {"gauge.py": GAUGE.format(loop="for w in list(self._readings):")})
    assert roles_of(patterns_rows(tmp_path), "observer") == {}
