"""Versions of an open module that do not parse: what the whole text's recovery gives, found
from the lines an edit touched (``incremental``), and its parse problems, found when read.

``parse.parse_module`` recovers a broken module chunk by chunk (a chunk per top-level
statement, cut at lines at column 0) and joins an unclosed chunk with the ones below. When the
last text that parsed is cut at its units' starts and an edit breaks one unit, the recovery of
the new text keeps every other unit as it was and loses that one, unless text around could
complete what is broken; ``drops`` tells which, from the edited lines alone.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import SupportsIndex, overload

from agentls.patterns.model import ParseProblem
from agentls.patterns.parse import chunk_starts, joins_whole, parse_module

# A line that continues the statement above it rather than starting one.
_CLAUSE = re.compile(r"(?:else|elif|except|finally)\b")


def drops(
    new: list[str], failed: tuple[int, int, BaseException], chunk: tuple[int, int], indent: int, cut: set[int]
) -> bool:
    """Whether ``parse_module(new)`` recovers exactly the units other than those of ``chunk``
    (the new lines of the unit(s) the edit touched), given that the lines ``failed`` names (the
    whole chunk, or the class members the edit touched, at ``indent``; the chunk then starts
    at the class's first line) do not parse on their own, and that the last text that parsed
    was cut at its units' starts (``cut``: the units cut more finely and joined back).

    Then the recovery cuts the new text into one chunk per unit; every other chunk is a unit's
    text, unchanged, which parses alone as it did; and the touched chunk fails, as do its joins
    with the chunks below (``parse_module`` retries an unclosed chunk with those): a bracket
    left open cannot be closed by text that is balanced on its own. The caller has ruled out a
    string or a backslash left open (``parse.can_close_later``); a decorator or a clause that
    would join the code around, or a new line at column 0, says False here: the full path."""
    begin, end, _ = failed
    cb, ce = chunk
    if indent:  # members of a class: the class stays one chunk, and is the one that fails
        if cb in cut or chunk_starts(new[begin:end], begin):
            return False
        code = [line for line in new[begin:end] if line.strip() and not line.lstrip().startswith("#")]
        # The members' text parses as it would inside the class: it starts at the members'
        # column with no clause of the statement above, and ends with no decorator of the
        # statement below. (A line at column 0 ends the block in both.)
        return (
            bool(code)
            and len(code[0]) - len(code[0].lstrip()) == indent
            and not (_CLAUSE.match(code[0].lstrip()) or code[-1].lstrip().startswith("@") or code[-1].endswith("\\"))
        )
    got = chunk_starts(new[cb : ce + 1], cb)
    inner, tail = [x for x in got if x < ce], [x for x in got if x >= ce]
    return tail == ([ce] if ce < len(new) else []) and (inner == [cb] or (cb == 0 and len(inner) <= 1))


class Joins:
    """Which units of a text that parses the recovery cuts and joins back; remembered by the
    unit's text, since typing leaves most units as they were."""

    def __init__(self) -> None:
        self._joined: dict[str, bool] = {}

    def cut_units(self, lines: list[str], starts: list[int]) -> set[int] | None:
        """The starts (``starts``: the units', in order) of the units the recovery would cut in
        several chunks and join again; None when it would not find each unit as one statement
        (a chunk that starts inside a unit and is not joined back, a unit where no chunk
        starts)."""
        chunks = chunk_starts(lines)
        cut: set[int] = set()
        at = 0
        for i, (start, end) in enumerate(zip(starts, [*starts[1:], len(lines)], strict=True)):
            while at < len(chunks) and chunks[at] < start:
                at += 1
            inside = []
            while at < len(chunks) and chunks[at] < end:
                inside.append(chunks[at])
                at += 1
            if (inside and inside[0] != start) or (not inside and i):
                return None  # (the first chunk starts at line 0 whatever it holds)
            if len(inside) > 1:
                if not self._whole(lines, [*inside, end]):
                    return None
                cut.add(start)
        return cut

    def _whole(self, lines: list[str], bounds: list[int]) -> bool:
        last = len(lines)
        texts = [
            "".join(line + "\n" if i + 1 < last else line for i, line in enumerate(lines[a:b], a))
            for a, b in itertools.pairwise(bounds)
        ]
        key = "".join(texts)
        found = self._joined.get(key)
        if found is None:
            if len(self._joined) > 256:
                self._joined.clear()
            found = self._joined[key] = joins_whole(texts)
        return found


class DeferredProblems(list[ParseProblem]):
    """The parse problems of a text, found when first read: typing only needs the index, and
    the problems need the whole text parsed (``parse_module``), which is what the incremental
    path saves. Reads as the list ``parse_module`` gives."""

    def __init__(self, source: str) -> None:
        super().__init__()
        self._source: str | None = source

    def _list(self) -> list[ParseProblem]:
        if self._source is not None:
            source, self._source = self._source, None
            self.extend(parse_module(source)[1])
        return self

    @overload
    def __getitem__(self, i: SupportsIndex) -> ParseProblem: ...
    @overload
    def __getitem__(self, i: slice) -> list[ParseProblem]: ...
    def __getitem__(self, i: SupportsIndex | slice) -> ParseProblem | list[ParseProblem]:
        self._list()
        return super().__getitem__(i)

    def __len__(self) -> int:
        self._list()
        return super().__len__()

    def __iter__(self) -> Iterator[ParseProblem]:
        self._list()
        return super().__iter__()

    def __eq__(self, other: object) -> bool:
        self._list()
        if isinstance(other, DeferredProblems):
            other._list()
        return super().__eq__(other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __contains__(self, item: object) -> bool:
        self._list()
        return super().__contains__(item)

    def __reversed__(self) -> Iterator[ParseProblem]:
        self._list()
        return super().__reversed__()

    def __reduce__(self) -> tuple[type[list[ParseProblem]], tuple[list[ParseProblem]]]:
        return list, (list(self),)  # pickled as the plain list it stands for

    __hash__ = None

    def __repr__(self) -> str:
        self._list()
        return super().__repr__()
