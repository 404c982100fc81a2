"""Which changes of the workspace index came from the background walk's commits.

A commit adds a batch of the workspace's modules to ``WorkspaceIndex`` mid-walk; each addition
bumps ``generation``, which every cached analysis keys on, so the next hover in an open module
would re-analyse it against the grown index (seconds at 3,000 modules) although nothing in the
module or in the open documents changed. While the walk runs, the index is incomplete anyway:
hover answers from the module's last analysis when every change since came from commits
(``PatternFeatures.hover``), and analyses afresh once something else changed (an edit of an
open document) or the walk is over.
"""

from __future__ import annotations


class CommitLog:
    """The generation ranges of the current walk's commits: ``(before, after]`` each."""

    def __init__(self) -> None:
        self._ranges: list[tuple[int, int]] = []

    def clear(self) -> None:
        self._ranges.clear()

    def record(self, before: int, after: int) -> None:
        if after > before:
            self._ranges.append((before, after))

    def only_commits(self, since: int, now: int) -> bool:
        """Whether every change from generation ``since`` to ``now`` was a commit's."""
        reached = since
        for before, after in self._ranges:  # in order: generations only grow
            if after <= reached:
                continue
            if before > reached:
                return False  # a change between two commits
            reached = after
        return reached >= now
