"""Cutting the frontmatter block out of a file exactly as Claude Code does.

The block is found by a pattern on the raw text, not by lines: it must begin the file with
``---``, optional whitespace and a newline, and it ends at the *first* later ``---`` anywhere,
even mid-line or inside a quoted value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# JavaScript's \s: Python's \s minus U+001C..U+001F and U+0085, plus U+FEFF.
_JS_WS = "\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_OPEN = re.compile("---[" + _JS_WS + "]*\n")
_CLOSE = re.compile("---[" + _JS_WS + "]*\n?")


@dataclass(frozen=True)
class Block:
    """The frontmatter block of a document.

    ``start``/``end`` delimit the YAML text (offsets into the full document text),
    ``close_start``/``close_end`` the closing delimiter match, ``body_start`` the body.
    """

    yaml: str
    start: int
    end: int
    close_start: int
    close_end: int
    body_start: int


@dataclass(frozen=True)
class Cut:
    block: Block | None
    bom: bool
    body: str
    # Why there is no block, for files that look like they meant to have one.
    no_block_reason: str | None = None
    # Offset of the opening delimiter line's end when an opening exists but no closing.
    open_end: int | None = None


def cut(text: str) -> Cut:
    """Find the block. ``text`` is the whole decoded document (a BOM, if any, still in it)."""
    bom = text.startswith("\ufeff")
    base = 1 if bom else 0
    opening = _OPEN.match(text, base)
    if opening is None:
        return Cut(None, bom, text[base:], _why_no_opening(text, base))
    close_at = text.find("---", opening.end())
    if close_at < 0:
        return Cut(None, bom, text[base:], "no closing '---'", open_end=opening.end())
    closing = _CLOSE.match(text, close_at)
    assert closing is not None  # "---" always matches
    body_start = closing.end()
    while body_start < len(text) and text[body_start] in _WS_SET:
        body_start += 1
    block = Block(
        yaml=text[opening.end() : close_at],
        start=opening.end(),
        end=close_at,
        close_start=close_at,
        close_end=closing.end(),
        body_start=body_start,
    )
    return Cut(block, bom, text[body_start:])


_WS_SET = frozenset(
    "\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff"
    + "".join(chr(c) for c in range(0x2000, 0x200B))
)


def _why_no_opening(text: str, base: int) -> str | None:
    stripped = text[base:].lstrip(" \t\r\n\ufeff")
    if not stripped.startswith("---"):
        return None
    first_line = text[base:].split("\n", 1)[0]
    if text[base:].startswith("---") and "\n" not in text[base:] and "\r" in text[base:]:
        return "the file uses CR-only line endings, so the opening '---' is never followed by '\\n'"
    if text[base:].startswith("---"):
        return f"the opening line {first_line.strip()!r} is not '---' followed only by spaces"
    return "there is text (blank lines, spaces or a second BOM) before the opening '---'"


# VS Code's prompt-file parser (promptFileParser.ts) works by lines: a header opens when the
# first line is `---` (and whitespace), and closes at the next line that is `---` (and
# whitespace), or runs to the end of the file. A `---` inside a line never closes it.
_VSCODE_DELIMITER = re.compile("---[" + _JS_WS + "]*\\Z")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|\Z)")


def cut_lines(text: str) -> Cut:
    """Cut the header of a Copilot file (`.agent.md`, `.prompt.md`, `.instructions.md`) the
    way VS Code does."""
    bom = text.startswith("\ufeff")
    base = 1 if bom else 0
    first = _LINE.match(text, base)
    assert first is not None
    if not _VSCODE_DELIMITER.match(first.group()) or not first.group():
        return Cut(None, bom, text[base:], _why_no_opening(text, base))
    start = at = first.end()
    while at < len(text):
        line = _LINE.match(text, at)
        assert line is not None
        if _VSCODE_DELIMITER.match(line.group()):
            block = Block(text[start:at], start, at, at, line.end(), line.end())
            return Cut(block, bom, text[line.end():])
        at = line.end()
    end = len(text)
    return Cut(Block(text[start:end], start, end, end, end, end), bom, "")
