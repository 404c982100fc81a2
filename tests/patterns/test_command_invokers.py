"""Commands on a base with helpers of its own, reporting whether they changed anything, run by
an invoker that keeps a history; an invoker is no observer subject. Through `agentls
patterns` run as a subprocess: each form beside its one-change near miss."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.patterns.cli import patterns_rows

# A sketchpad's actions: the base keeps the pad and a snapshot; `apply()` reports whether the
# pad changed; the toolbar runs an action it is handed and files it in its log.
SKETCH = """\
from abc import ABC, abstractmethod


class Pad:
    def __init__(self) -> None:
        self.strokes: list[str] = []


class Action(ABC):
    def __init__(self, pad: Pad) -> None:
        self.pad = pad
        self.before: list[str] = []

    def snapshot(self) -> None:
        self.before = list(self.pad.strokes)

    def revert(self) -> None:
        self.pad.strokes = self.before

    @abstractmethod
    def apply(self): ...


class Stroke(Action):
    def apply(self):
        self.snapshot()
        self.pad.strokes.append("line")
        return {yes}


class Wipe(Action):
    def apply(self):
        self.snapshot()
        self.pad.strokes.clear()
        return {yes}


class Log:
    def __init__(self) -> None:
        self.done: list[Action] = []

    def push(self, action: Action) -> None:
        self.done.append(action)


class Toolbar:
    def __init__(self) -> None:
        self.log = Log()

    def run(self, action: Action) -> None:
        if action.apply():
            self.log.push(action)
"""

# A queue of jobs run in turn beside a subject telling its watchers about itself.
QUEUE = """\
from abc import ABC, abstractmethod


class Printer:
    def print_page(self, page: str) -> None:
        print(page)


class Job(ABC):
    @abstractmethod
    def run(self) -> None: ...


class PrintJob(Job):
    def __init__(self, printer: Printer, page: str) -> None:
        self.printer = printer
        self.page = page

    def run(self) -> None:
        self.printer.print_page(self.page)


class BlankJob(Job):
    def __init__(self, printer: Printer) -> None:
        self.printer = printer

    def run(self) -> None:
        self.printer.print_page("")


class Spooler:
    def __init__(self) -> None:
        self.jobs: list[Job] = []

    def add(self, job: Job) -> None:
        self.jobs.append(job)

    def flush(self) -> None:
        for job in self.jobs:
            job.run()


class Watcher(ABC):
    @abstractmethod
    def seen(self, board: "Board") -> None: ...


class Tally(Watcher):
    def seen(self, board: "Board") -> None:
        print(board.score)


class Board:
    def __init__(self) -> None:
        self.score = 0
        self.watchers: list[Watcher] = []

    def attach(self, watcher: Watcher) -> None:
        self.watchers.append(watcher)

    def bump(self) -> None:
        self.score += 1
        for w in self.watchers:
            w.seen(self)
"""


def _rows(tmp_path: Path, files: dict[str, str]) -> dict[tuple[str, str], dict[str, Any]]:
    for name, text in files.items():
        (tmp_path / "app").mkdir(exist_ok=True)
        (tmp_path / "app" / name).write_text(text)
    rows = patterns_rows(tmp_path, "app")
    return {(str(r["symbol"]), str(r["pattern"])): r for r in rows}


def test_actions_reporting_a_change_run_by_a_toolbar_keeping_a_log(tmp_path: Path) -> None:
    rows = _rows(tmp_path, {"sketch.py": SKETCH.replace("{yes}", "True")})
    roles = {key[0]: r["role"] for key, r in rows.items() if key[1] == "command"}
    assert roles == {
        "Action": "command",
        "Stroke": "concrete_command",
        "Wipe": "concrete_command",
        "Toolbar": "invoker",
    }


def test_answers_computed_from_the_pad_are_no_requests(tmp_path: Path) -> None:
    # The near miss: `apply()` answers what it computed, as a strategy does.
    rows = _rows(tmp_path, {"sketch.py": SKETCH.replace("{yes}", "len(self.pad.strokes)")})
    assert not [key for key in rows if key[1] == "command"]


def test_an_invoker_running_its_jobs_is_no_subject(tmp_path: Path) -> None:
    rows = _rows(tmp_path, {"queue.py": QUEUE})
    assert rows[("Spooler", "command")]["role"] == "invoker"
    assert ("Spooler", "observer") not in rows and ("PrintJob", "observer") not in rows
    # The subject beside it, telling its watchers about itself, still is one.
    assert rows[("Board", "observer")]["role"] == "subject"
    assert rows[("Tally", "observer")]["role"] == "concrete_observer"


def test_an_untyped_job_list_runs_only_the_jobs_its_module_sees(tmp_path: Path) -> None:
    spooler = "class Spooler:\n    def __init__(self):\n        self.jobs = []\n\n"
    spooler += "    def add(self, job):\n        self.jobs.append(job)\n\n"
    spooler += "    def flush(self):\n        for job in self.jobs:\n            job.run()\n"
    jobs = QUEUE.split("class Spooler:")[0]
    rows = _rows(tmp_path, {"__init__.py": "", "jobs.py": jobs, "spooler.py": spooler})
    assert ("Spooler", "command") not in rows
