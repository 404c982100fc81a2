"""A base answering what it calls on an untyped object it was given, with subclasses
implementing that method, passes work on to its own kind: it holds no other family that merely
shares the method name.

A middleware base keeping the next middleware (`self.target.execute(event)` inside its own
`execute`, each middleware overriding `execute`) was matched by duck typing against an unrelated
interface with an `execute` method and reported as a Bridge over it. The positive: the same
hierarchy calling `execute` from methods of another name (`run`) keeps a member of that
family."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

LISTENERS = """\
import abc


class Listener(abc.ABC):
    @abc.abstractmethod
    def execute(self, event):
        raise NotImplementedError


class Mailer(Listener):
    def execute(self, event):
        return f"mail {event}"


class Journal(Listener):
    def execute(self, event):
        return f"log {event}"
"""

RUNNERS = """\
class Runner:
    def __init__(self, {target}):
        self.target = target

    def {m}(self, event):
        if self.target:
            return self.target.execute(event)
        return None


class LoudRunner(Runner):
    def {m}(self, event):
        print(event)
        return super().{m}(event)


class QuietRunner(Runner):
    def {m}(self, event):
        return super().{m}(event.lower())
"""


def _runner(tmp_path: Path, method: str, target: str = "target=None") -> set[tuple[str, str]]:
    runner = RUNNERS.format(m=method, target=target)
    write_tree(tmp_path, {"app/listeners.py": LISTENERS, "app/runner.py": runner})
    return {(r["pattern"], r["role"]) for r in patterns_rows(tmp_path, "app") if r["symbol"] == "Runner"}


def test_a_hierarchy_calling_the_family_from_another_method_holds_it(tmp_path: Path) -> None:
    # Required: a runner whose target may be left out is configured with it, a Strategy context
    # (test_strategy_optional_configuration.py); a chain's successor may be left out (below).
    assert ("bridge", "abstraction") in _runner(tmp_path, "run", target="target")


def test_a_base_answering_what_it_calls_passes_work_on_to_its_own_kind(tmp_path: Path) -> None:
    found = _runner(tmp_path, "execute")
    assert ("chain_of_responsibility", "handler") in found
    assert not {p for p, _ in found} & {"bridge", "strategy"}
