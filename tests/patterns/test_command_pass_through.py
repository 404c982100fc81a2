"""GoF Command vs a transaction port: an interface with two argument-less requests and one
implementation bound to a receiver is a command family when the implementation turns each
request into the receiver's action (`invoke()` deposits, `undo()` withdraws); when it only
calls the receiver's same-named methods (`commit()` -> `session.commit()`) it passes the
session's API through, and the services holding it are no invokers. Through `agentls
patterns`, the two forms side by side."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

CODE = """\
from typing import Protocol


class Work(Protocol):
    def {do}(self) -> None: ...

    def {undo}(self) -> None: ...


class Bound:
    def __init__(self, target: object) -> None:
        self.target = target

    def {do}(self) -> None:
        self.target.{act}()

    def {undo}(self) -> None:
        self.target.{back}()


class Booking:
    def __init__(self, work: Work) -> None:
        self.work = work

    def __call__(self, ref: str) -> str:
        self.work.{do}()
        return ref
"""


def _command(tmp_path: Path, do: str, undo: str, act: str, back: str) -> dict[str, str]:
    text = CODE.replace("{do}", do).replace("{undo}", undo).replace("{act}", act).replace("{back}", back)
    text = text.replace("class Bound:", "class Bound(Work):")
    write_tree(tmp_path, {"app/__init__.py": "", "app/work.py": text})
    rows = patterns_rows(tmp_path, "app")
    return {str(r["symbol"]): str(r["role"]) for r in rows if r["pattern"] == "command"}


def test_requests_turned_into_the_receivers_actions_are_a_command(tmp_path: Path) -> None:
    found = _command(tmp_path, "invoke", "undo", "deposit", "withdraw")
    assert found.get("Work") == "command" and found.get("Bound") == "concrete_command"


def test_requests_passed_through_to_same_named_methods_are_no_command(tmp_path: Path) -> None:
    # The near miss: the same shape, each request calling the held session's own method.
    assert _command(tmp_path, "commit", "rollback", "commit", "rollback") == {}
