"""An untyped attribute matched by duck typing to a written family only when no other,
unrelated family declares the methods called on it too.

`Runner` keeps what it is given and calls `execute` on it. With one interface declaring
`execute` (listeners), the runner is that family's Strategy context; with a second, unrelated
interface declaring `execute` as well (jobs), the name alone cannot tell which family the
object belongs to, and nothing is reported for the runner."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

LISTENERS = """\
import abc


class Listener(abc.ABC):
    @abc.abstractmethod
    def execute(self, event):
        raise NotImplementedError


class Mailer(Listener):
    def execute(self, event):
        return f"mail {event}"


class Journal(Listener):
    def execute(self, event):
        return f"log {event}"
"""

JOBS = """\
import abc


class Job(abc.ABC):
    @abc.abstractmethod
    def execute(self, event):
        raise NotImplementedError


class Backup(Job):
    def execute(self, event):
        return f"backup {event}"


class Cleanup(Job):
    def execute(self, event):
        return f"cleanup {event}"
"""

RUNNER = """\
class Runner:
    def __init__(self, target):
        self.target = target

    def run(self, event):
        return self.target.execute(event)
"""


def _runner(tmp_path: Path, files: dict[str, str]) -> set[tuple[str, str]]:
    write_tree(tmp_path, {"app/runner.py": RUNNER, **files})
    return {(r["pattern"], r["role"]) for r in patterns_rows(tmp_path, "app") if r["symbol"] == "Runner"}


def test_one_family_declaring_the_called_method_is_held(tmp_path: Path) -> None:
    assert ("strategy", "context") in _runner(tmp_path, {"app/listeners.py": LISTENERS})


def test_two_unrelated_families_declaring_it_leave_the_holder_unknown(tmp_path: Path) -> None:
    assert _runner(tmp_path, {"app/listeners.py": LISTENERS, "app/jobs.py": JOBS}) == set()
