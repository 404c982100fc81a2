"""An untyped attribute whose called methods two unrelated written families declare is matched
to the family of the object the program hands it.

`Runner` keeps what it is given and calls `execute` on it; listeners and jobs both declare
`execute`, so the name alone cannot tell which family the runner holds (see
test_duck_two_families). When the program hands the runner a job (`Runner(Backup())`, then
`runner.use(Cleanup())`), the object handed settles it: the runner is the jobs' Strategy
context, and not the listeners'. The near miss: the same program making a job and running it
itself, handing the runner nothing of either family, leaves the runner unknown."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree
from tests.patterns.test_duck_two_families import JOBS, LISTENERS

RUNNER = """\
class Runner:
    def __init__(self, target):
        self.target = target

    def use(self, target):
        self.target = target

    def run(self, event):
        return self.target.execute(event)
"""

HANDING = """\
from app.jobs import Backup, Cleanup
from app.runner import Runner

runner = Runner(Backup())
runner.run("nightly")
runner.use(Cleanup())
runner.run("weekly")
"""

NOT_HANDING = """\
from app.jobs import Backup
from app.runner import Runner


def main(target):
    Backup().execute("nightly")
    return Runner(target).run("weekly")
"""


def _rows(tmp_path: Path, main: str) -> set[tuple[str, str, str]]:
    files = {"app/runner.py": RUNNER, "app/listeners.py": LISTENERS, "app/jobs.py": JOBS, "app/main.py": main}
    write_tree(tmp_path, files)
    return {(r["symbol"], r["pattern"], r["role"]) for r in patterns_rows(tmp_path, "app")}


def test_the_family_of_the_object_handed_is_held(tmp_path: Path) -> None:
    found = _rows(tmp_path, HANDING)
    assert ("Runner", "strategy", "context") in found
    assert ("Job", "strategy", "strategy") in found
    assert not {s for s, p, _ in found if p == "strategy"} & {"Listener", "Mailer", "Journal"}


def test_nothing_of_either_family_handed_leaves_the_holder_unknown(tmp_path: Path) -> None:
    found = _rows(tmp_path, NOT_HANDING)
    assert not {(s, p) for s, p, _ in found if p == "strategy"} & {("Runner", "strategy")}
