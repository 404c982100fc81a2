"""A macro walking the list it was handed by index, as code ported from Java does (`for i in
range(len(self.steps)): self.steps[i].run()`), through `agentls patterns` run as a
subprocess: it calls the same method on each child, so it is a composite of its base's family,
the simple steps its leaves. The near miss, one change away: the same index walk calling
another method on each child (`self.steps[i].log()` from `run`) is no composite."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

STEPS = """\
from abc import ABC, abstractmethod


class Step(ABC):
    @abstractmethod
    def run(self) -> None: ...

    def log(self) -> None:
        print(type(self).__name__)


class Boil(Step):
    def run(self) -> None:
        print("boil")


class Steep(Step):
    def run(self) -> None:
        print("steep")


class Recipe(Step):
    def __init__(self, steps: list) -> None:
        self.steps = steps

    def run(self) -> None:
        for i in range(len(self.steps)):
            self.steps[i].run()


if __name__ == "__main__":
    Recipe([Boil(), Steep()]).run()
"""


def _composite(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"tea/__init__.py": "", "tea/steps.py": text})
    return roles_of(patterns_rows(tmp_path, "tea"), "composite")


def test_an_index_walk_calling_the_same_method_is_a_composite(tmp_path: Path) -> None:
    found = _composite(tmp_path, STEPS)
    assert found.get("Recipe") == "composite"
    assert found.get("Step") == "component"
    assert found.get("Boil") == "leaf" and found.get("Steep") == "leaf"


def test_an_index_walk_calling_another_method_is_none(tmp_path: Path) -> None:
    text = STEPS.replace("self.steps[i].run()", "self.steps[i].log()")
    assert "Recipe" not in _composite(tmp_path, text)
