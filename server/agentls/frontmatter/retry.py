"""Claude Code's lenient retry: quote suspicious one-line values, expand leading tabs.

It runs only when the strict parse raised. It rewrites the whole block once, so lines that
were fine can change too (``model: opus # cheap`` becomes the model ``opus # cheap``).
We keep a map from each offset of the rewritten text back to the original block so that
findings after a retry still point at what the user wrote.
"""

from __future__ import annotations

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
    text: str
    origin: list[int]  # origin[i] = offset in the original block of rewritten offset i
    quoted: tuple[QuotedLine, ...]

    def to_original(self, offset: int) -> int:
        if offset >= len(self.origin):
            return self.origin[-1] + (offset - len(self.origin) + 1) if self.origin else offset
        return self.origin[offset]


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


def rewrite(block: str) -> Rewrite:
    pieces: list[str] = []
    origin: list[int] = []
    quoted: list[QuotedLine] = []
    pos = 0
    for line in block.split("\n"):
        match = _CANDIDATE.match(line)
        if match and needs_quotes(match.group(3)):
            value_at = match.start(3)
            head = line[:value_at]
            pieces.append(head)
            origin.extend(range(pos, pos + value_at))
            pieces.append('"')
            origin.append(pos + value_at)
            value = match.group(3)
            base = pos + value_at
            last = 0
            # Escapes are rare: copy the runs between them in one go.
            for escape in _NEEDS_ESCAPE.finditer(value):
                i = escape.start()
                pieces.append(value[last:i])
                origin.extend(range(base + last, base + i))
                pieces.append("\\")
                origin.append(base + i)
                last = i
            pieces.append(value[last:])
            origin.extend(range(base + last, base + len(value)))
            pieces.append('"')
            origin.append(pos + len(line))
            quoted.append(QuotedLine(match.group(1), pos + value_at, pos + len(line), match.group(3)))
        else:
            pieces.append(line)
            origin.extend(range(pos, pos + len(line)))
        pieces.append("\n")
        origin.append(pos + len(line))
        pos += len(line) + 1
    # drop the "\n" added after the last line: split() does not produce it
    pieces.pop()
    origin.pop()
    text = "".join(pieces)
    # Leading tabs: two spaces per tab.
    if "\t" in text:
        out: list[str] = []
        out_origin: list[int] = []
        last = 0
        for match in _LEADING_TABS.finditer(text):
            out.append(text[last : match.start()])
            out_origin.extend(origin[last : match.start()])
            for i in range(match.start(), match.end()):
                out.append("  ")
                out_origin.extend((origin[i], origin[i]))
            last = match.end()
        out.append(text[last:])
        out_origin.extend(origin[last:])
        text = "".join(out)
        origin = out_origin
    return Rewrite(text, origin, tuple(quoted))


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
        match = _CANDIDATE.match(body)
        if match and needs_quotes(match.group(3)):
            edits.append((pos + match.start(3), pos + len(body), quote(match.group(3))))
        tabs = len(line) - len(line.lstrip("\t"))
        if tabs:
            edits.append((pos, pos + tabs, "  " * tabs))
        pos += len(line) + 1
    return edits
