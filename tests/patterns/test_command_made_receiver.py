"""Commands that make their receiver themselves and hand it the arguments they were built
with (`self.printer = LabelPrinter(); self.text = text`, `run()` calling
`self.printer.print(self.text)`), kept and triggered later by an invoker, through `agentls
patterns` run as a subprocess; beside its near miss: the same classes making a helper they
hand nothing they were given (a fixed text), which act on their own like a duck's `fly()`."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

DEVICES = """\
from abc import ABC, abstractmethod


class Job(ABC):
    @abstractmethod
    def run(self): ...


class LabelPrinter:
    def print(self, text):
        print("label", text)


class Plotter:
    def plot(self, text):
        print("plot", text)


class Spool:
    def __init__(self):
        self.done = []

    def submit(self, job: Job):
        self.done.append(job)
        job.run()


"""

BOUND = (
    DEVICES
    + """\
class LabelJob(Job):
    def __init__(self, text):
        self.printer = LabelPrinter()
        self.text = text

    def run(self):
        self.printer.print(self.text)


class PlotJob(Job):
    def __init__(self, text):
        self.plotter = Plotter()
        self.text = text

    def run(self):
        self.plotter.plot(self.text)
"""
)

UNBOUND = (
    DEVICES
    + """\
class LabelJob(Job):
    def __init__(self):
        self.printer = LabelPrinter()

    def run(self):
        self.printer.print("hello")


class PlotJob(Job):
    def __init__(self):
        self.plotter = Plotter()

    def run(self):
        self.plotter.plot("hello")
"""
)


def test_commands_making_their_receiver_and_binding_its_arguments(tmp_path: Path) -> None:
    write_tree(tmp_path, {"jobs.py": BOUND})
    roles = roles_of(patterns_rows(tmp_path), "command")
    assert roles == {
        "Job": "command",
        "LabelJob": "concrete_command",
        "PlotJob": "concrete_command",
        "Spool": "invoker",
    }


def test_classes_making_a_helper_handed_nothing_they_were_given_are_no_commands(tmp_path: Path) -> None:
    write_tree(tmp_path, {"jobs.py": UNBOUND})
    assert roles_of(patterns_rows(tmp_path), "command") == {}
