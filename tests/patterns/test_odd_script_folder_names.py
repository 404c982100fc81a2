"""Example folders whose names no import can spell (`Lessons 01/11 Observer/`), each a script
folder importing its siblings by bare name: run over the whole tree through `agentls patterns`
as a subprocess, each folder gives the rows it gives alone. Every file keeps a module name of
its own (`Lessons 01/11 Observer.main`, not a bare `main` shared by every folder's `main.py`), so one
folder's `Report` or `Observer` is never taken for another's of the same name. The near misses:
a folder of look-alike names (`Observer`, `Subject` as plain records) beside a real Observer
folder, and a plain `Report` beside a template one, are no pattern."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.patterns.cli import patterns_rows, roles_of, write_tree

from agentls.patterns.analysis import module_name_in

OBSERVER = """\
from abc import ABC, abstractmethod


class Observer(ABC):
    @abstractmethod
    def update(self, reading: float) -> None: ...


class Subject:
    def __init__(self) -> None:
        self._observers: list[Observer] = []

    def attach(self, observer: Observer) -> None:
        self._observers.append(observer)

    def detach(self, observer: Observer) -> None:
        self._observers.remove(observer)

    def notify(self, reading: float) -> None:
        for observer in self._observers:
            observer.update(reading)
"""

OBSERVER_MAIN = """\
from observer import Observer, Subject


class Thermometer(Subject):
    def measure(self, value: float) -> None:
        self.notify(value)


class Display(Observer):
    def update(self, reading: float) -> None:
        print(f"now {reading}")


class Logger(Observer):
    def update(self, reading: float) -> None:
        print(f"logged {reading}")


thermometer = Thermometer()
thermometer.attach(Display())
thermometer.attach(Logger())
thermometer.measure(21.5)
"""

# The look-alike: the same file and class names, but records handed to a printer.
MAILING = """\
from dataclasses import dataclass


@dataclass
class Observer:
    name: str
    email: str


class Subject:
    def __init__(self, title: str) -> None:
        self.title = title
"""

MAILING_MAIN = """\
from observer import Observer, Subject


class Display:
    def __init__(self, subject: Subject) -> None:
        self.subject = subject

    def show(self, people: list[Observer]) -> None:
        for person in people:
            print(self.subject.title, person.name, person.email)


Display(Subject("news")).show([Observer("Ann", "ann@example.org")])
"""

TEMPLATE_MAIN = """\
from abc import ABC, abstractmethod


class Report(ABC):
    def render(self, rows: list[str]) -> str:
        head = self.header()
        body = "\\n".join(self.line(r) for r in rows)
        return f"{head}\\n{body}\\n{self.footer()}"

    @abstractmethod
    def header(self) -> str: ...

    @abstractmethod
    def line(self, row: str) -> str: ...

    def footer(self) -> str:
        return "--"


class TextReport(Report):
    def header(self) -> str:
        return "REPORT"

    def line(self, row: str) -> str:
        return f"* {row}"


class HtmlReport(Report):
    def header(self) -> str:
        return "<h1>Report</h1>"

    def line(self, row: str) -> str:
        return f"<p>{row}</p>"


print(TextReport().render(["a", "b"]))
"""

PLAIN_MAIN = """\
class Report:
    def __init__(self, title: str) -> None:
        self.title = title

    def render(self, rows: list[str]) -> str:
        return self.title + "\\n" + "\\n".join(rows)


print(Report("plain").render(["a", "b"]))
"""


OBSERVER_BESIDE_MAILING = {
    "Lessons 01/11 Observer/observer.py": OBSERVER,
    "Lessons 01/11 Observer/main.py": OBSERVER_MAIN,
    "Lessons 01/12 Mailing/observer.py": MAILING,
    "Lessons 01/12 Mailing/main.py": MAILING_MAIN,
}


def _roles(rows: list[dict[str, Any]], pattern: str, folder: str) -> dict[str, str]:
    """{symbol: role} of ``pattern``'s rows in files below ``folder``."""
    return roles_of([r for r in rows if str(r["path"]).startswith(folder)], pattern)


def test_observer_folder_found_beside_a_look_alike(tmp_path: Path) -> None:
    write_tree(tmp_path, OBSERVER_BESIDE_MAILING)
    roles = _roles(patterns_rows(tmp_path, "--no-smells"), "observer", "Lessons 01/11 Observer/")
    assert roles == {
        "Observer": "observer",
        "Subject": "subject",
        "Thermometer": "subject",
        "Display": "concrete_observer",
        "Logger": "concrete_observer",
    }


def test_look_alike_folder_takes_no_roles_of_its_neighbour(tmp_path: Path) -> None:
    write_tree(tmp_path, OBSERVER_BESIDE_MAILING)
    assert _roles(patterns_rows(tmp_path, "--no-smells"), "observer", "Lessons 01/12 Mailing/") == {}


def test_template_folder_keeps_its_rows_beside_a_plain_main(tmp_path: Path) -> None:
    write_tree(tmp_path, {"Lessons 02/02 Plain/main.py": PLAIN_MAIN, "Lessons 02/03 Template/main.py": TEMPLATE_MAIN})
    rows = patterns_rows(tmp_path, "--no-smells")
    assert _roles(rows, "template_method", "Lessons 02/03 Template/") == {
        "Report": "abstract_class",
        "TextReport": "concrete_class",
        "HtmlReport": "concrete_class",
    }
    assert _roles(rows, "template_method", "Lessons 02/02 Plain/") == {}


def test_module_names_keep_the_script_folder() -> None:
    named = module_name_in("/x/Lessons 01/11 Observer/main.py", "Lessons 01/11 Observer/main.py")
    assert named == "Lessons 01/11 Observer.main"
    assert module_name_in("/x/c d/main.py", "../c d/main.py") == "c d.main"
    # Below such a folder, as before: the names its own imports spell.
    assert module_name_in("/x/owner+repo/strategy/context.py", "owner+repo/strategy/context.py") == "strategy.context"
    assert module_name_in("/x/a+b/src/lib/core.py", "a+b/src/lib/core.py") == "lib.core"
