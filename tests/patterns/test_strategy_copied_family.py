"""The same example written twice in sibling modules that do not import each other
(`exercise.py` and `solution.py`, each with its strategies and the untyped solver calling
them) is two programs: each solver is a Strategy context over the family written beside
it, though the other module declares the same method names. The near miss: a solver in a
third module writing neither family is left ambiguous (the names alone cannot tell which
family its untyped object belongs to), and no context is reported. Through `agentls
patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

COPY = """\
from abc import ABC, abstractmethod


class Rule(ABC):
    @abstractmethod
    def score(self, a, b): ...


class Strict(Rule):
    def score(self, a, b):
        return min(a, b)


class Lenient(Rule):
    def score(self, a, b):
        return max(a, b)


class Judge:
    def __init__(self, rule):
        self.rule = rule

    def verdict(self, a, b):
        return self.rule.score(a, b) > 5
"""


JUDGE = COPY[COPY.index("class Judge") :]
FAMILY = COPY[: COPY.index("class Judge")]


def _contexts(tmp_path: Path, files: dict[str, str]) -> set[str]:
    write_tree(tmp_path, {"course/__init__.py": "", **{f"course/{k}": v for k, v in files.items()}})
    rows = patterns_rows(tmp_path, "course", "--min-confidence", "0")
    return {
        f"{r['path'].split('/')[-1]}:{r['symbol']}"
        for r in rows
        if r["pattern"] == "strategy" and r["role"] == "context"
    }


def test_a_family_copied_into_an_unrelated_module_leaves_each_context(tmp_path: Path) -> None:
    got = _contexts(tmp_path, {"exercise.py": COPY, "solution.py": COPY})
    assert got == {"exercise.py:Judge", "solution.py:Judge"}


def test_a_holder_writing_neither_family_is_left_ambiguous(tmp_path: Path) -> None:
    assert _contexts(tmp_path, {"exercise.py": FAMILY, "solution.py": FAMILY, "judge.py": JUDGE}) == set()
