"""Where the cursor is in an agent file, from the lines alone (for completion, hover and
go-to-definition in the language server, which only converts positions).

Completion runs while the user types, when the YAML is usually broken, so nothing here needs
a successful parse: the frontmatter is the lines between an opening ``---`` and the next line
starting with ``---`` (or the end, while the closing line is not typed yet); a key is a
column-0 ``key:``; a list item belongs to the nearest column-0 key above it. Every search is
bounded to a window around the cursor, so a megabyte-long line costs no more than a short one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from agentls.knowledge.claude_code import split_tools

WINDOW = 2000  # characters looked at on each side of the cursor on one line
REGION = 65536  # frontmatter characters searched for keys

_OPEN = re.compile(r"\ufeff?---[ \t]*\r?\n")
_KEY = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:")
_KEYS = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:", re.M)
_ITEM = re.compile(r"([ \t]*)-(?:[ \t]+|\Z)")
_INDENT = re.compile(r"[ \t]+")
_STOP = ",[]{}\"' \t"


@dataclass
class CursorContext:
    where: str  # "new-file" | "key" | "value" | "item" | "nested" | "body" | "none"
    line: int
    line_start: int  # document offset of the line
    col: int  # cursor column (code points)
    key: str | None = None  # key being typed, or whose value the cursor is in
    key_start: int = 0  # columns of that key on its line (for "key")
    key_end: int = 0
    value_col: int = 0  # where the value text starts on this line
    word_start: int = 0  # column where the partial word under the cursor starts
    word: str = ""
    tool: str | None = None  # inside ``Name(`` …: the tool name
    present: set[str] = field(default_factory=set)
    value_text: str = ""  # the value text on this line up to the window end


def frontmatter_bounds(text: str) -> tuple[int, int] | None:
    """``(start, end)`` of the frontmatter lines (``end`` = start of the closing line, or of
    the text end while it is missing); ``None`` without an opening ``---`` line."""
    m = _OPEN.match(text)
    if m is None:
        return None
    close = re.search(r"^---", text[m.end():m.end() + REGION * 4], re.M)
    return m.end(), (m.end() + close.start() if close else len(text))


def line_bounds(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    if end < 0:
        end = len(text)
    if end > start and text[end - 1] == "\r":
        end -= 1
    return start, end


def detect(text: str, offset: int) -> CursorContext:
    offset = max(0, min(offset, len(text)))
    start, end = line_bounds(text, offset)
    line = text.count("\n", 0, start)
    col = offset - start
    bounds = frontmatter_bounds(text)
    if bounds is None:
        if line == 0 and text[:3] != "---" and not text[offset:].strip():
            return CursorContext("new-file", line, start, col)
        return CursorContext("none" if line == 0 else "body", line, start, col)
    fm_start, fm_end = bounds
    if not fm_start <= start <= fm_end or (start == fm_end and fm_end < len(text)):
        return CursorContext("body" if start > fm_start else "none", line, start, col)
    region = text[fm_start:min(fm_end, fm_start + REGION)]
    present = {m.group(1) for m in _KEYS.finditer(region)}
    head = text[start:min(end, start + WINDOW)]
    lo = max(start, offset - WINDOW)
    ctx = CursorContext("key", line, start, col, present=present)
    key = _KEY.match(head)
    if key is not None:
        if col <= key.end(1):
            ctx.key, ctx.key_start, ctx.key_end = key.group(1), 0, key.end(1)
            ctx.word_start, ctx.word = 0, key.group(1)[:col]
            return ctx
        ctx.where, ctx.key = "value", key.group(1)
        ctx.value_col = key.end() + (len(head[key.end():]) - len(head[key.end():].lstrip(" \t")))
        _word(ctx, text, lo, offset, start, end)
        return ctx
    item = _ITEM.match(head)
    if item is not None and col >= item.end() - (1 if item.end() == len(head) else 0):
        ctx.where, ctx.key = "item", _parent(text, fm_start, start)
        ctx.value_col = item.end()
        _word(ctx, text, lo, offset, start, end)
        return ctx
    indent = _INDENT.match(head)
    if indent is not None:
        ctx.where, ctx.key = "nested", _parent(text, fm_start, start)
        word = re.search(r"[\w-]*\Z", text[lo:offset])
        ctx.word = word.group() if word else ""
        ctx.word_start = col - len(ctx.word)
        return ctx
    word = re.match(r"[\w-]*", head)
    ctx.word = word.group()[:col] if word else ""
    ctx.key_end = len(word.group()) if word else 0
    ctx.word_start = 0
    return ctx


def first_level(text: str, line_start: int, col: int) -> bool:
    """Whether a nested line indented by ``col`` is a direct child of its column-0 key (no
    shallower line lies between them), e.g. a hook event rather than a matcher's field."""
    region = text[max(0, line_start - REGION):line_start]
    for line in reversed(region.splitlines()):
        body = line.lstrip(" \t")
        if not body or body.startswith("#"):
            continue
        indent = len(line) - len(body)
        if indent == 0:
            return True
        if indent < col:
            return False
    return True


def _parent(text: str, fm_start: int, line_start: int) -> str | None:
    region = text[max(fm_start, line_start - REGION):line_start]
    keys = _KEYS.findall(region)
    return keys[-1] if keys else None


def _word(ctx: CursorContext, text: str, lo: int, offset: int, start: int, end: int) -> None:
    """The partial word before the cursor, and the tool whose ``(`` it is inside."""
    value_from = max(lo, start + ctx.value_col)
    before = text[value_from:offset]
    ctx.value_text = text[start + ctx.value_col:min(end, offset + WINDOW)] \
        if start + ctx.value_col <= end else ""
    depth, paren_at = 0, -1
    for i, ch in enumerate(before):
        if ch == "(":
            if depth == 0:
                paren_at = i
            depth += 1
        elif ch == ")" and depth > 0:
            depth -= 1
    if depth > 0:
        name = re.search(r"[\w]+\Z", before[:paren_at])
        ctx.tool = name.group() if name else None
        inner = before[paren_at + 1:]
        cut = max(inner.rfind(","), inner.rfind(" "))
        ctx.word = inner[cut + 1:]
    else:
        cut = max(before.rfind(ch) for ch in _STOP)
        ctx.word = before[cut + 1:]
    ctx.word_start = offset - start - len(ctx.word)


_WRAP = "[]\"'"


def entries(value: str) -> list[tuple[int, int]]:
    """The tool/name entries of a comma string, a flow list (``[Read, Grep]``) or a quoted
    string, without the brackets and quotes around them."""
    out = []
    for s, e in split_tools(value):
        while s < e and value[s] in _WRAP and not (value[s] == "]" and "[" in value[s:e]):
            s += 1
        while e > s and value[e - 1] in _WRAP and value.count("(", s, e) == value.count(")", s, e) \
                and not (value[e - 1] == "]" and "[" in value[s:e]):
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def entry_at(value: str, col: int) -> tuple[int, int] | None:
    """The tool/name entry holding column ``col`` (relative to ``value``)."""
    for s, e in entries(value):
        if s <= col <= e:
            return s, e
    return None


def token_at(text: str, offset: int) -> tuple[int, int]:
    """A YAML-ish word around ``offset`` (bounded search, as ``word_at_position`` is quadratic)."""
    lo = max(0, offset - WINDOW)
    hi = min(len(text), offset + WINDOW)
    left = re.search(r"[\w.\-:\[\]*@/]*\Z", text[lo:offset])
    right = re.match(r"[\w.\-\[\]*@/]*", text[offset:hi])
    start = offset - (len(left.group()) if left else 0)
    return start, offset + (len(right.group()) if right else 0)
