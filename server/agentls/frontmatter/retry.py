"""Claude Code's lenient retry: quote suspicious one-line values, expand leading tabs.

It runs only when the strict parse raised. It rewrites the whole block once, so lines that
were fine can change too (``model: opus # cheap`` becomes the model ``opus # cheap``).
We keep a map from each offset of the rewritten text back to the original block so that
findings after a retry still point at what the user wrote.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from agentls.frontmatter import yamlnodes

_CANDIDATE = re.compile(r"([A-Za-z_-]+):(\s+)(\S[^\n\r\u2028\u2029]*)\Z")
_SUSPICIOUS = re.compile(r": |[{}\[\]*&#!|>%@`]")
_NEEDS_ESCAPE = re.compile(r'[\\"]')
_LEADING_TABS = re.compile(r"(?:^|(?<=[\n\r\u2028\u2029]))\t+")


@dataclass(frozen=True)
class QuotedLine:
    """A line the retry wrapped in quotes; offsets are into the original block text."""

    key: str
    value_start: int
    value_end: int
    original: str


@dataclass(frozen=True)
class Rewrite:
    """The rewritten block, and where each of its characters came from.

    The map is kept as runs (``starts[i]`` in the rewritten text comes from ``origins[i]``;
    a copied run goes on one for one, an inserted quote or backslash is a run of one), not
    one entry per character: building that list cost more than the parse it serves.
    """

    text: str
    starts: list[int]
    origins: list[int]
    copied: list[bool]
    quoted: tuple[QuotedLine, ...]

    def to_original(self, offset: int) -> int:
        size = len(self.text)
        if offset >= size:
            return self.to_original(size - 1) + (offset - size + 1) if size else offset
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.origins[i] + (offset - self.starts[i] if self.copied[i] else 0)


class _Runs:
    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.starts: list[int] = []
        self.origins: list[int] = []
        self.copied: list[bool] = []
        self.size = 0

    def copy(self, text: str, origin: int) -> None:
        if not text:
            return
        starts, origins = self.starts, self.origins
        if (starts and self.copied[-1]
                and origins[-1] + (self.size - starts[-1]) == origin):  # goes on from the last
            pass
        else:
            starts.append(self.size)
            origins.append(origin)
            self.copied.append(True)
        self.pieces.append(text)
        self.size += len(text)

    def insert(self, char: str, origin: int) -> None:
        self.starts.append(self.size)
        self.origins.append(origin)
        self.copied.append(False)
        self.pieces.append(char)
        self.size += 1


def _is_flow_list(value: str) -> bool:
    try:
        root = yamlnodes.parse(value).root
    except yamlnodes.YamlError:
        return False
    return isinstance(root, yamlnodes.Sequence)


def needs_quotes(value: str) -> bool:
    """Would the retry quote this one-line value?"""
    if len(value) >= 1 and value[0] in "\"'" and value.endswith(value[0]):
        return False
    if value.startswith("[") and value.endswith("]") and _is_flow_list(value):
        return False
    return bool(_SUSPICIOUS.search(value))


def quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _quoting(line: str) -> tuple[str, int, str] | None:
    """``(key, value offset, value)`` if the retry quotes this line's value."""
    match = _CANDIDATE.match(line)
    if match and needs_quotes(match.group(3)):
        return match.group(1), match.start(3), match.group(3)
    return None


def rewrite(block: str) -> Rewrite:
    # Lines the retry leaves alone are copied one for one: the run that maps them goes on
    # untouched; only a quoted line adds runs (its quotes and backslashes).
    pieces: list[str] = []
    starts, origins, copied = [0], [0], [True]
    quoted: list[QuotedLine] = []
    pos = size = 0
    for line in block.split("\n"):
        plan = _quoting(line)
        if plan is None:
            pieces.append(line)
            pieces.append("\n")
            size += len(line) + 1
            pos += len(line) + 1
            continue
        key, value_at, value = plan
        escaped, runs = _escaped(value)
        pieces += (line[:value_at], '"', escaped, '"\n')
        starts.append(size + value_at)  # the opening quote
        origins.append(pos + value_at)
        copied.append(False)
        inside, base = size + value_at + 1, pos + value_at
        for out, origin, copy in runs:
            starts.append(inside + out)
            origins.append(base + origin)
            copied.append(copy)
        close = inside + len(escaped)
        starts += (close, close + 1)  # the closing quote, then the line break and on
        origins += (pos + len(line), pos + len(line))
        copied += (False, True)
        quoted.append(QuotedLine(key, pos + value_at, pos + len(line), value))
        size = close + 2
        pos += len(line) + 1
    text = "".join(pieces)[:-1]  # split() adds no line after the last "\n"
    result = Rewrite(text, starts, origins, copied, tuple(quoted))
    if "\t" in text:
        result = _expand_leading_tabs(result)
    return result


def _escaped(value: str) -> tuple[str, tuple[tuple[int, int, bool], ...]]:
    """The value with ``\\`` and ``"`` escaped, and its runs (relative offsets)."""
    out: list[str] = []
    runs: list[tuple[int, int, bool]] = []
    size = last = 0
    for escape in _NEEDS_ESCAPE.finditer(value):
        i = escape.start()
        if i > last:
            runs.append((size, last, True))
            out.append(value[last:i])
            size += i - last
        runs.append((size, i, False))
        out.append("\\")
        size += 1
        last = i
    runs.append((size, last, True))
    out.append(value[last:])
    return "".join(out), tuple(runs)


def _expand_leading_tabs(r: Rewrite) -> Rewrite:
    """Leading tabs become two spaces each (both from the tab)."""
    runs = _Runs()
    last = 0
    for match in _LEADING_TABS.finditer(r.text):
        _copy_mapped(runs, r, last, match.start())
        for i in range(match.start(), match.end()):
            runs.insert(" ", r.to_original(i))
            runs.insert(" ", r.to_original(i))
        last = match.end()
    _copy_mapped(runs, r, last, len(r.text))
    return Rewrite("".join(runs.pieces), runs.starts, runs.origins, runs.copied, r.quoted)


def _copy_mapped(runs: _Runs, r: Rewrite, start: int, end: int) -> None:
    for i in range(start, end):  # rare (tabs only): one character at a time is fine
        origin = r.to_original(i)
        if i > start and r.to_original(i - 1) == origin:
            runs.insert(r.text[i], origin)
        else:
            runs.copy(r.text[i], origin)


def repair_edits(block: str) -> list[tuple[int, int, str]]:
    """Edits (start, end, new text; block offsets) that make the block strict YAML while
    loading to exactly what Claude Code's retry loads: every line the retry would quote is
    quoted the same way, leading tabs become two spaces each.

    Unlike the retry itself, a line ending in ``\\r`` is still considered, so the same edits
    repair a CRLF file, where the retry never quotes anything.
    """
    edits: list[tuple[int, int, str]] = []
    pos = 0
    for line in block.split("\n"):
        body = line[:-1] if line.endswith("\r") else line
        plan = _quoting(body)
        if plan is not None:
            edits.append((pos + plan[1], pos + len(body), quote(plan[2])))
        tabs = len(line) - len(line.lstrip("\t"))
        if tabs:
            edits.append((pos, pos + tabs, "  " * tabs))
        pos += len(line) + 1
    return edits
