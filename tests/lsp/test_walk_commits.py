"""``CommitLog``: which index generations came from the background walk's commits (hover answers
from a module's last analysis across them while the walk runs; an edit in between ends that)."""

from __future__ import annotations

from agentls.lsp.walk_commits import CommitLog


def test_only_commits_between_two_generations() -> None:
    log = CommitLog()
    log.record(10, 40)  # a commit of 30 modules
    log.record(40, 100)
    assert log.only_commits(10, 100) and log.only_commits(25, 100) and log.only_commits(100, 100)
    assert not log.only_commits(9, 100)  # generation 10 was something else (an edit)
    assert not log.only_commits(10, 101)  # and so was 101


def test_a_change_between_two_commits_is_not_a_commit() -> None:
    log = CommitLog()
    log.record(10, 40)
    log.record(41, 90)  # 41: an open document's edit
    assert log.only_commits(41, 90) and not log.only_commits(10, 90)
    log.record(90, 90)  # a commit that added nothing
    assert log.only_commits(41, 90)
    log.clear()  # a new walk
    assert not log.only_commits(41, 90) and log.only_commits(90, 90)
