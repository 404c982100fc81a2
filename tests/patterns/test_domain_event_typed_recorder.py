"""Domain events recorded through a typed recorder: an aggregate base whose `record(self,
event: Fact)` appends to a list that `pull()` hands out and clears makes `Fact` (and its
subclasses answering only a literal name) events; the same typed append to a list that is
only returned holds the aggregate's parts. Through `agentls patterns`, side by side."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

CODE = """\
from abc import ABC, abstractmethod


class Fact(ABC):
    def __init__(self, subject: str) -> None:
        self.subject = subject

    @abstractmethod
    def name(self) -> str: ...


class Shipped(Fact):
    def name(self) -> str:
        return "shipped"


class Recorder:
    def __init__(self) -> None:
        self.facts: list[Fact] = []

    def record(self, fact: Fact) -> None:
        self.facts.append(fact)

    def pull(self) -> list[Fact]:
{pull}
"""

HANDED_OUT = "        facts = self.facts\n        self.facts = []\n        return facts\n"
KEPT = "        return self.facts\n"


def _events(tmp_path: Path, pull: str) -> set[str]:
    text = CODE.replace("{pull}", pull.rstrip("\n"))
    write_tree(tmp_path, {"shop/__init__.py": "", "shop/domain/__init__.py": "", "shop/domain/facts.py": text})
    rows = patterns_rows(tmp_path, "shop")
    return {str(r["symbol"]) for r in rows if r["pattern"] == "domain_event" and r["role"] == "event"}


def test_a_typed_recorder_handing_its_list_out_records_events(tmp_path: Path) -> None:
    assert {"Fact", "Shipped"} <= _events(tmp_path, HANDED_OUT)


def test_a_typed_list_only_returned_holds_parts_not_events(tmp_path: Path) -> None:
    # The near miss: the same typed append, the list returned and kept.
    assert not {"Fact", "Shipped"} & _events(tmp_path, KEPT)
