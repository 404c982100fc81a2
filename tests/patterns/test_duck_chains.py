"""Chains of responsibility with no written handler interface (duck typing), through
`agentls patterns` run as a subprocess: a runner keeping a list of untyped members the
program hands it, and successor links of different classes the program wires together;
each beside its near miss (the same classes sharing the method name, nothing handed to the
runner; links nothing wires to each other)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.patterns.cli import patterns_rows

FILTERS = """\
class StripSpaces:
    def apply(self, text):
        return text.strip()


class RejectEmpty:
    def apply(self, text):
        if not text:
            return None
        return text


class Pipeline:
    def __init__(self):
        self.steps = []

    def register(self, step):
        self.steps.append(step)

    def apply(self, text):
        for step in self.steps:
            text = step.apply(text)
            if text is None:
                return None
        return text
"""

HANDED = """\
from app.filters import Pipeline, RejectEmpty, StripSpaces


def build():
    pipeline = Pipeline()
    pipeline.register(StripSpaces())
    pipeline.register(RejectEmpty())
    return pipeline
"""

# The same classes and the same method name; the pipeline is only given what its caller has.
NOT_HANDED = """\
from app.filters import Pipeline, RejectEmpty, StripSpaces


def build(step):
    pipeline = Pipeline()
    pipeline.register(step)
    return pipeline


StripSpaces().apply(" a ")
RejectEmpty().apply("")
"""

LINKS = """\
class Coins:
    def __init__(self):
        self._next = None

    def then(self, nxt):
        self._next = nxt

    def pay(self, amount):
        if amount < 5:
            return "coins"
        return self._next.pay(amount)


class Notes:
    def __init__(self):
        self._next = None

    def then(self, nxt):
        self._next = nxt

    def pay(self, amount):
        if amount < 500:
            return "notes"
        return self._next.pay(amount)
"""

WIRED = """\
from app.links import Coins, Notes


class Till:
    def __init__(self):
        self.first = Coins()
        self.second = Notes()
        self.first.then(self.second)
"""

# The same links, each used alone: nothing links one to the other.
NOT_WIRED = """\
from app.links import Coins, Notes


def coins():
    return Coins()


def notes():
    return Notes()
"""


def _run(tmp_path: Path, files: dict[str, str]) -> list[dict[str, Any]]:
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "__init__.py").write_text("")
    for name, text in files.items():
        (tmp_path / "app" / name).write_text(text)
    rows = patterns_rows(tmp_path, "app")
    return [r for r in rows if r["pattern"] == "chain_of_responsibility"]


def _roles(found: list[dict[str, Any]]) -> dict[str, str]:
    return {str(r["symbol"]).rpartition(".")[2]: str(r["role"]) for r in found}


def test_members_handed_to_a_runner_are_concrete_handlers(tmp_path: Path) -> None:
    found = _run(tmp_path, {"filters.py": FILTERS, "main.py": HANDED})
    roles = _roles(found)
    assert roles.get("StripSpaces") == "concrete_handler"
    assert roles.get("RejectEmpty") == "concrete_handler"
    text = json.dumps(found)
    assert "no handler interface is written" in text and "`.register(StripSpaces())` hands it over" in text


def test_a_shared_method_name_with_nothing_handed_is_no_chain(tmp_path: Path) -> None:
    roles = _roles(_run(tmp_path, {"filters.py": FILTERS, "main.py": NOT_HANDED}))
    assert "StripSpaces" not in roles and "RejectEmpty" not in roles


def test_links_wired_together_are_concrete_handlers(tmp_path: Path) -> None:
    found = _run(tmp_path, {"links.py": LINKS, "till.py": WIRED})
    assert _roles(found) == {"Coins": "concrete_handler", "Notes": "concrete_handler"}
    assert "linked through a successor setter" in json.dumps(found)


def test_links_nothing_wires_stay_handlers(tmp_path: Path) -> None:
    assert _roles(_run(tmp_path, {"links.py": LINKS, "till.py": NOT_WIRED})) == {"Coins": "handler", "Notes": "handler"}


MADE_LINKS = """\
class Small:
    def route(self, size):
        if size < 10:
            return "small"
        return Large().route(size)


class Large:
    def route(self, size):
        if size < 100:
            return "large"
        size = size % 100
        return Small().route(size)
"""

# The same first class asks a helper of another class once; the helper hands nothing back.
MADE_HELPER = """\
class Small:
    def route(self, size):
        if size < 10:
            return "small"
        return Large().route(size)


class Large:
    def route(self, size):
        if size < 100:
            return "large"
        return "huge"
"""


def test_links_making_each_other_are_concrete_handlers(tmp_path: Path) -> None:
    assert _roles(_run(tmp_path, {"routes.py": MADE_LINKS})) == {
        "Small": "concrete_handler",
        "Large": "concrete_handler",
    }


def test_a_helper_made_and_asked_once_is_no_chain(tmp_path: Path) -> None:
    assert _roles(_run(tmp_path, {"routes.py": MADE_HELPER})) == {}
