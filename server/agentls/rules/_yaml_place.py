"""Where a YAML error is, in words a person can act on, and the character to point at.

A parser message alone ("mapping values are not allowed in this context") says nothing
about where: on a 1,400-character one-line description the squiggle covers the whole value.
Every finding that comes from a YAML error names the line, the column and the text there,
says why that text breaks the YAML, and carries a related location on that very character.
"""

from __future__ import annotations

import re

from agentls.frontmatter.document import AgentDocument, ParseError
from agentls.model import Related, Span

_SNIPPET = 24  # characters of context shown after the error
_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*[ \t]*:(?:[ \t]|\r?$)")


def yaml_place(doc: AgentDocument, error: ParseError | None) -> tuple[str, tuple[Related, ...]]:
    """``("at line 3, column 456: `Examples: <example>` — why", (related,))``, or the bare
    parser message and no related location when the parser gave no position."""
    if error is None:
        return "invalid YAML", ()
    if error.offset is None:
        return error.message, ()
    text = doc.text
    at = min(error.offset, len(text))
    at, why = _explain(text, at, error.message)
    pos = doc.index.position(at)
    snippet = _snippet(text, at)
    where = f"at line {pos.line + 1}, column {pos.column + 1}"
    shown = f": `{snippet}`" if snippet else ""
    message = f"{where}{shown} — {why}"
    end = at + 1 if at < len(text) and text[at] not in "\r\n" else at
    return message, (Related(why[0].upper() + why[1:], Span(at, end)),)


def _line_bounds(text: str, at: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    if end > start and text[end - 1] == "\r":
        end -= 1
    return start, end


def _word_before(text: str, at: int) -> tuple[int, str]:
    """The run of non-blank characters that ends at ``at`` (the word before a `:`)."""
    start, _ = _line_bounds(text, at)
    i = at
    while i > start and not text[i - 1].isspace():
        i -= 1
    return i, text[i:at]


def _snippet(text: str, at: int) -> str:
    """The word before a `:` and the word after it; else the text from the error on."""
    _, end = _line_bounds(text, at)
    if at >= end:
        return ""
    begin = _word_before(text, at)[0] if text[at] == ":" else at
    stop = min(end, at + _SNIPPET)
    space = text.find(" ", at + 2, stop)
    if space > 0:
        stop = space
    return text[begin:stop].replace("`", "'").replace("\t", "⇥").strip()


def _explain(text: str, at: int, message: str) -> tuple[int, str]:
    """The offset to point at (sometimes a better one than the parser's) and why it fails."""
    char = text[at] if at < len(text) else ""
    start, end = _line_bounds(text, at)
    if message.startswith("mapping values are not allowed") and char == ":":
        _, word = _word_before(text, at)
        if at + 1 >= end:
            return at, (f"the `:` after `{word}` ends the line, and YAML reads it as the start of "
                        "a mapping; quote the value")
        return at, (f"the `: ` after `{word}` starts a mapping inside a plain value; quote the "
                    "value")
    if "could not find expected ':'" in message:
        culprit = _unindented_line_above(text, start)
        if culprit is not None:
            c_start, c_end = _line_bounds(text, culprit)
            shown = text[c_start:c_end].strip()[:_SNIPPET].replace("`", "'")
            return culprit, (f"`{shown}` is not indented, so YAML reads it as a new key, and no "
                             "`:` follows it; indent the lines that continue the value, or quote it")
        return at, "a line here is neither `key: value` nor indented under the value above"
    if "while scanning a quoted scalar" in message and char in "\"'":
        return at, f"the `{char}` that opens this value is never closed"
    if message.startswith("unknown alias"):
        return at, (f"`{char}` starts a YAML alias, and no anchor of that name exists; quote the "
                    "value")
    if "cannot start any token" in message or "cannot start any plain scalar" in message:
        if char == "\t":
            return at, "a tab cannot indent YAML; use spaces"
        return at, f"`{char}` cannot start a plain YAML value; quote the value"
    if "did not find expected key" in message or "expected <block end>" in message:
        return at, ("the value before this point is complete, so the text here is unexpected; "
                    "quote the whole value")
    if "found unexpected end of stream" in message:
        return at, "the frontmatter ends in the middle of a value"
    return at, message


def _unindented_line_above(text: str, line_start: int) -> int | None:
    """The nearest line above ``line_start`` (inclusive) that starts in column 0 and is not a
    ``key:`` line: a continuation line written without indentation."""
    i = line_start
    for _ in range(50):  # bounded: the culprit is a few lines up, not pages
        line_end = text.find("\n", i)
        line = text[i:line_end if line_end >= 0 else len(text)]
        if line.strip() and not line[:1].isspace() and not _KEY.match(line) and not line.startswith("#"):
            return i
        if i == 0:
            return None
        i = text.rfind("\n", 0, i - 1) + 1
    return None
