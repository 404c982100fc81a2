"""A folder of scripts without `__init__.py` is one program (issue 10).

Tutorials ported from Java keep one class per file and import siblings by bare name
(`from listener import Listener`), run as `python main.py`. The subject and the interface its
observers implement need not import each other there: `main.py` hands the objects around.
Through the CLI, as users run it; each case beside the control that must stay undetected.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.conftest import AGENTLS

LISTENER = """\
import abc


class Listener(metaclass=abc.ABCMeta):
    @abc.abstractmethod
    def refresh(self, level, rate):
        raise Exception('Abstract methods must be implemented')
"""

TANK = """\
class Tank:
    def __init__(self):
        self.listeners = []
        self.level = 0
        self.rate = 0

    def register_listener(self, listener):
        self.listeners.append(listener)

    def notify_listeners(self):
        for listener in self.listeners:
            listener.refresh(self.level, self.rate)

    def set_readings(self, level, rate):
        self.level = level
        self.rate = rate
        self.notify_listeners()
"""

GAUGE = """\
from listener import Listener


class Gauge(Listener):
    def __init__(self, tank):
        tank.register_listener(self)

    def refresh(self, level, rate):
        print(level, rate)
"""

MAIN = """\
from tank import Tank
from gauge import Gauge

tank = Tank()
Gauge(tank)
tank.set_readings(3, 4)
"""


def roles(cwd: Path) -> set[tuple[str, str, str]]:
    result = subprocess.run(
        [*AGENTLS, "patterns", "--format", "json", "."], cwd=cwd, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return {(r["symbol"], r["pattern"], r["role"]) for r in json.loads(result.stdout)}


def write(folder: Path, files: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text)


def test_an_observer_interface_in_a_sibling_script_is_found(tmp_path: Path) -> None:
    write(
        tmp_path / "ch02_observer",
        {"listener.py": LISTENER, "tank.py": TANK, "gauge.py": GAUGE, "main.py": MAIN},
    )
    found = roles(tmp_path)
    assert ("Tank", "observer", "subject") in found
    assert ("Listener", "observer", "observer") in found
    assert ("Gauge", "observer", "concrete_observer") in found


def test_the_same_files_in_two_script_folders_are_two_programs(tmp_path: Path) -> None:
    # The control: the interface lives in another chapter, which the subject's cannot reach.
    write(tmp_path / "ch02_observer", {"tank.py": TANK, "gauge.py": GAUGE, "main.py": MAIN})
    write(tmp_path / "ch03_other", {"listener.py": LISTENER})
    assert ("Listener", "observer", "observer") not in roles(tmp_path)


def test_a_package_is_not_taken_for_one_program(tmp_path: Path) -> None:
    # In a package (with `__init__.py`) modules are units of their own: the subject's module
    # neither imports nor is imported by the interface's, so the interface stays unnamed.
    write(
        tmp_path / "gauges",
        {
            "__init__.py": "",
            "listener.py": LISTENER,
            "tank.py": TANK,
            "gauge.py": GAUGE.replace("from listener", "from gauges.listener"),
        },
    )
    assert ("Listener", "observer", "observer") not in roles(tmp_path)
