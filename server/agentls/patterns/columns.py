"""Positions of ast nodes in the text: ast columns are UTF-8 byte offsets, an editor's are code
points; and a definition's name is found as a whole word on its line."""

from __future__ import annotations

import ast
import re
import unicodedata

from agentls.patterns.model import Range, make_range
from agentls.text import split_lines

_WORD = re.compile(r"\w+")


class AstColumns:
    """ast columns are UTF-8 byte offsets; we report code points."""

    def __init__(self, source: str) -> None:
        # The fast path splits in C; `\r` needs the LSP-style splitter (ast counts it too).
        self.lines = source.split("\n") if "\r" not in source else split_lines(source)
        self.ascii = source.isascii()  # then byte offsets are code points: no per-line check

    @classmethod
    def of_lines(cls, lines: list[str], ascii: bool) -> AstColumns:
        """For a text already split on ``\\n`` (and holding no ``\\r``)."""
        pos = cls.__new__(cls)
        pos.lines, pos.ascii = lines, ascii
        return pos

    def col(self, line: int, byte_col: int) -> int:
        if self.ascii:
            return byte_col
        if 0 <= line < len(self.lines):
            text = self.lines[line]
            if not text.isascii():
                return len(text.encode("utf-8")[:byte_col].decode("utf-8", "replace"))
        return byte_col

    def node_range(self, node: ast.AST, start: ast.AST | None = None) -> Range:
        first = start or node
        line = getattr(first, "lineno", 1) - 1
        end_line = (getattr(node, "end_lineno", None) or line + 1) - 1
        return make_range(
            line,
            self.col(line, getattr(first, "col_offset", 0)),
            end_line,
            self.col(end_line, getattr(node, "end_col_offset", None) or 0),
        )

    def name_range(self, node: ast.AST, name: str) -> Range:
        line = getattr(node, "lineno", 1) - 1
        text = self.lines[line] if 0 <= line < len(self.lines) else ""
        col = self.col(line, getattr(node, "col_offset", 0))
        # The whole word: not the `d` of `def`, nor the `B` of `class AB`.
        start = text.find(name, col)
        while start >= 0 and not _whole_word(text, start, start + len(name)):
            start = text.find(name, start + 1)
        if start < 0 and not text.isascii():
            # Python reads identifiers in NFKC form: `class Ｓale` defines `Sale`.
            for word in _WORD.finditer(text, col):
                if unicodedata.normalize("NFKC", word.group()) == name:
                    return make_range(line, word.start(), line, word.end())
        if start < 0:
            start = col
        return make_range(line, start, line, start + len(name))


def _whole_word(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before == "_" or after.isalnum() or after == "_")
