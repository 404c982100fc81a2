"""Python's method resolution order (C3) over the bases the workspace resolves.

Detectors read a class's ancestors nearest first (`[ref, *ancestors]`, the first definition
of a method wins), so the order must be the one Python looks methods up in: the first base
and what it inherits before the second (`class DayState(BaseSingleton, StateIF)` looks in
`BaseSingleton` first), a base shared by two of them after both (a diamond's top last).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

T = TypeVar("T", bound=Hashable)


def linearization(cls: T, bases: Callable[[T], list[T]], limit: int) -> list[T]:
    """The ancestors of ``cls`` in method resolution order, without ``cls``, at most ``limit``.

    ``bases`` gives a class's direct bases in the order written. A hierarchy Python would
    refuse (no consistent order) still gets one: where the merge is stuck, the first
    candidate is taken. A cycle (two classes resolving to each other's base) is cut where it
    closes, and a chain deeper than ``limit`` ends there."""
    done: dict[T, list[T]] = {}
    active: set[T] = set()

    def order(c: T) -> list[T]:
        hit = done.get(c)
        if hit is not None:
            return hit
        active.add(c)
        direct = [b for b in bases(c) if b not in active] if len(active) <= limit else []
        out = [c, *_merge([*(order(b) for b in direct), direct])]
        active.discard(c)
        done[c] = out
        return out

    return order(cls)[1 : limit + 1]


def _merge(sequences: list[list[T]]) -> list[T]:
    """C3's merge: repeatedly take the first head that is in no sequence's tail (where none
    is, the first sequence's head), and remove it from every sequence.

    The same answer as rebuilding every sequence and the set of tails for each head taken,
    with the tails counted once and kept up to date instead: asked for every ancestor of
    every class (20,000 merges over Django + SQLAlchemy), the rebuilding took the per-class
    maps built before the analysis from 0.26 to 0.66 s of CPU (about 0.46 s this way)."""
    seqs = [s for s in sequences if s]
    tails: dict[T, int] = {}  # element -> how often it stands in a sequence's tail
    for s in seqs:
        for x in s[1:]:
            tails[x] = tails.get(x, 0) + 1
    starts = [0] * len(seqs)  # where each sequence's live part begins
    taken: set[T] = set()
    out: list[T] = []
    live = list(range(len(seqs)))
    while live:
        head = next((seqs[i][starts[i]] for i in live if not tails.get(seqs[i][starts[i]])), None)
        if head is None:
            head = seqs[live[0]][starts[live[0]]]
        out.append(head)
        taken.add(head)
        still = []
        for i in live:
            s, at = seqs[i], starts[i]
            while at < len(s) and s[at] in taken:
                at += 1
                if at < len(s) and s[at] not in taken:
                    tails[s[at]] -= 1  # it moves from the tail to the head
            starts[i] = at
            if at < len(s):
                still.append(i)
        live = still
    return out
