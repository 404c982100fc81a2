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


def linearization(
    cls: T, bases: Callable[[T], list[T]], limit: int, shared: dict[T, tuple[list[T], int]] | None = None
) -> list[T]:
    """The ancestors of ``cls`` in method resolution order, without ``cls``, at most ``limit``.

    ``bases`` gives a class's direct bases in the order written. A hierarchy Python would
    refuse (no consistent order) still gets one: where the merge is stuck, the first
    candidate is taken. A cycle (two classes resolving to each other's base) is cut where it
    closes, and a chain deeper than ``limit`` ends there.

    ``shared`` keeps, across calls, each class's order with the height of the hierarchy above
    it, for the classes whose order does not depend on where the walk came from (no cycle
    reached from them, no chain cut at ``limit``): asked for every class of a workspace, each
    ancestor's order was otherwise merged again under every class deriving from it (a third
    of the per-class maps built before the analysis). Only for ``bases`` that tell classes
    apart by what they hash as (a workspace with two classes of one key merges whichever it
    met first within one call, as before)."""
    done: dict[T, tuple[list[T], int]] = {}  # height -1: depends on the walk that computed it
    active: set[T] = set()

    def order(c: T) -> tuple[list[T], int]:
        hit = done.get(c)
        if hit is not None:
            return hit
        if shared is not None:
            hit = shared.get(c)
            # each class above at depth d walks with len(active) + 1 + d classes active
            if hit is not None and len(active) + hit[1] <= limit:
                done[c] = hit
                return hit
        active.add(c)
        height = 0
        if len(active) <= limit:
            written = bases(c)
            direct = [b for b in written if b not in active]
            if len(direct) != len(written):
                height = -1  # a cycle closes here
        else:
            direct = []
            height = -1  # cut at the limit (a class with no base is cut the same way)
        above = [order(b) for b in direct]
        for _, h in above:
            height = -1 if height < 0 or h < 0 else max(height, h + 1)
        out = ([c, *_merge([*(o for o, _ in above), direct])], height)
        active.discard(c)
        done[c] = out
        if shared is not None and height >= 0:
            shared[c] = out
        return out

    return order(cls)[0][1 : limit + 1]


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
