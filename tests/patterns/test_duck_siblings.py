"""Duck typing with one class handed over: when the holder and that class are written in one
module, the other classes there defining what the holder calls are the rest of the family.
Through `agentls patterns` run as a subprocess, beside its near misses (the same classes in a
module of their own, apart from the holder; classes made with a payload of their own)."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

POLICIES = """\
class Oldest:
    def order(self, items):
        return sorted(items, key=lambda i: i.created)


class Newest:
    def order(self, items):
        return sorted(items, key=lambda i: i.created, reverse=True)
"""

QUEUE = """\
class Queue:
    def __init__(self, policy):
        self.items = []
        self.policy = policy

    def add(self, item):
        self.items.append(item)

    def drain(self):
        for item in self.policy.order(self.items):
            print(item)
"""

MAIN = """\
queue = Queue(Oldest({arg}))
queue.drain()
"""


def _strategy_roles(tmp_path: Path, files: dict[str, str]) -> dict[str, str]:
    write_tree(tmp_path, files)
    rows = patterns_rows(tmp_path, "app")
    return {str(r["symbol"]): str(r["role"]) for r in rows if r["pattern"] == "strategy"}


def test_the_classes_beside_the_one_handed_over_are_its_alternatives(tmp_path: Path) -> None:
    files = {"app/queue.py": "\n\n".join([POLICIES, QUEUE, MAIN.format(arg="")])}
    assert _strategy_roles(tmp_path, files) == {
        "Queue": "context",
        "Oldest": "concrete_strategy",
        "Newest": "concrete_strategy",
    }


def test_classes_in_a_module_of_their_own_are_no_alternatives(tmp_path: Path) -> None:
    # The near miss: the same classes, in a module apart from the holder (tools the program
    # may use on their own); one of them handed over chooses nothing.
    main = "from policies import Oldest\n\n\n" + QUEUE + "\n\n" + MAIN.format(arg="")
    files = {"app/policies.py": POLICIES, "app/main.py": main}
    assert _strategy_roles(tmp_path, files) == {}


def test_classes_made_with_a_payload_of_their_own_are_no_alternatives(tmp_path: Path) -> None:
    # Each object carries its own request (a command with its data), not an interchangeable
    # algorithm.
    payload = "    def __init__(self, limit):\n        self.limit = limit\n\n"
    policies = POLICIES.replace("    def order", payload + "    def order")
    files = {"app/queue.py": "\n\n".join([policies, QUEUE, MAIN.format(arg="10")])}
    assert _strategy_roles(tmp_path, files) == {}
