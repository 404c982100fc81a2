"""A call is told to an element of the kept list only inside the loop over that list: a batch
running its steps, then undoing the ones it ran under the same loop name (`for step in done:
step.rollback()`), tells no observer; a subject whose notification loop comes after another loop
binding the same name is still one. Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

BATCH = """\
class Batch:
    def __init__(self) -> None:
        self.steps = []

    def add(self, step) -> None:
        self.steps.append(step)

    def run(self) -> None:
        done = []
        try:
            for step in self.steps:
                step.run()
                done.append(step)
        except Exception:
            for step in done:
                step.rollback()
            raise
"""

GAUGE = """\
class Gauge:
    def __init__(self) -> None:
        self._watchers = []
        self._readings = []

    def watch(self, watcher) -> None:
        self._watchers.append(watcher)

    def record(self, level: int) -> None:
        total = 0
        for w in self._readings:
            total += w
        self._readings.append(level)
        for w in self._watchers:
            w.level_changed(total + level)
"""


def test_undoing_the_steps_run_is_no_notification(tmp_path: Path) -> None:
    write_tree(tmp_path, {"batch.py": BATCH})
    assert roles_of(patterns_rows(tmp_path), "observer") == {}


def test_the_later_loop_over_the_watchers_tells_them(tmp_path: Path) -> None:
    write_tree(tmp_path, {"gauge.py": GAUGE})
    assert roles_of(patterns_rows(tmp_path), "observer").get("Gauge") == "subject"
