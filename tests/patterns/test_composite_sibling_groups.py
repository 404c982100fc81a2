"""Two groups sharing a base that holds the children (`Earliest` and `Latest` under
`Combined`) are both composites, and neither is a leaf of the other; a sibling holding no
children (`Every`) is the leaf. Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

TRIGGERS = """\
class Trigger:
    def next_time(self, now: int) -> int:
        raise NotImplementedError


class Every(Trigger):
    def __init__(self, step: int) -> None:
        self.step = step

    def next_time(self, now: int) -> int:
        return now + self.step


class Combined(Trigger):
    def __init__(self, triggers: list) -> None:
        self.triggers = triggers


class Earliest(Combined):
    def next_time(self, now: int) -> int:
        times = []
        for t in self.triggers:
            times.append(t.next_time(now))
        return min(times)


class Latest(Combined):
    def next_time(self, now: int) -> int:
        times = []
        for t in self.triggers:
            times.append(t.next_time(now))
        return max(times)
"""


def test_groups_sharing_the_children_base_are_no_leaves(tmp_path: Path) -> None:
    write_tree(tmp_path, {"app/triggers.py": TRIGGERS})
    found = {(str(r["symbol"]), str(r["role"])) for r in patterns_rows(tmp_path, "app") if r["pattern"] == "composite"}
    assert ("Every", "leaf") in found
    assert {("Earliest", "composite"), ("Latest", "composite")} <= found
    assert ("Earliest", "leaf") not in found and ("Latest", "leaf") not in found
