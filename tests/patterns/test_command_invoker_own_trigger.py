"""An invoker whose own method carries the trigger's name (`run()` running the jobs it keeps),
beside its nearest non-invoker. Kept in an attribute typed as the command interface
(`queue: list[Job]`), the jobs make it an invoker; kept untyped by a class answering the same
request, they make it a peer (a group of its own kind), as before. Through `agentls patterns`
run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

JOBS = """\
from abc import ABC, abstractmethod
from dataclasses import dataclass


class Lamp:
    def __init__(self) -> None:
        self.lit = False


@dataclass
class Job(ABC):
    lamp: Lamp

    @abstractmethod
    def run(self) -> None: ...

    @abstractmethod
    def revert(self) -> None: ...


@dataclass
class LightUp(Job):
    def run(self) -> None:
        self.lamp.lit = True

    def revert(self) -> None:
        self.lamp.lit = False


@dataclass
class Dim(Job):
    def run(self) -> None:
        self.lamp.lit = False

    def revert(self) -> None:
        self.lamp.lit = True
"""

TYPED = """\
from dataclasses import dataclass, field

from jobs import Job


@dataclass
class Panel:
    queue: list[Job] = field(default_factory=list)
    done: list[Job] = field(default_factory=list)

    def add(self, job: Job) -> None:
        self.queue.append(job)

    def run(self) -> None:
        for job in self.queue:
            self.done.append(job)
            job.run()
        self.queue = []

    def revert(self) -> None:
        for job in self.done:
            job.revert()
"""

UNTYPED = """\
from jobs import Job


class Panel:
    def __init__(self) -> None:
        self.queue = []

    def add(self, job) -> None:
        self.queue.append(job)

    def run(self) -> None:
        for job in self.queue:
            job.run()

    def revert(self) -> None:
        for job in self.queue:
            job.revert()
"""


def test_an_own_run_over_jobs_typed_as_the_interface_is_an_invoker(tmp_path: Path) -> None:
    write_tree(tmp_path, {"jobs.py": JOBS, "panel.py": TYPED})
    roles = roles_of(patterns_rows(tmp_path), "command")
    assert roles.get("Panel") == "invoker"
    assert roles.get("Job") == "command"
    assert roles.get("LightUp") == roles.get("Dim") == "concrete_command"


def test_an_own_run_over_untyped_jobs_is_a_peer(tmp_path: Path) -> None:
    write_tree(tmp_path, {"jobs.py": JOBS, "panel.py": UNTYPED})
    assert "Panel" not in roles_of(patterns_rows(tmp_path), "command")
