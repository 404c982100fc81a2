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
    """C3's merge: repeatedly take the first head that is in no sequence's tail."""
    seqs = [s for s in sequences if s]
    out: list[T] = []
    while seqs:
        tails = {x for s in seqs for x in s[1:]}
        head = next((s[0] for s in seqs if s[0] not in tails), seqs[0][0])
        out.append(head)
        seqs = [rest for s in seqs if (rest := [x for x in s if x != head])]
    return out
