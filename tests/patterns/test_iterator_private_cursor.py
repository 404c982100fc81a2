"""The explicit (Java-style) iterator offers its traversal: a public `next()` returning the
element at an own position and advancing it, and a public `has_next()` reading it. The near
miss: the same two methods private (`_next()`, `_has_next()`), as a parser or scanner keeps a
cursor over its own tokens for itself."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

WALKER = """\
class TokenWalker:
    def __init__(self, tokens):
        self.tokens = list(tokens)
        self.pos = 0

    def {nxt}(self):
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def {has}(self):
        return self.pos < len(self.tokens)

    def words(self):
        out = []
        while self.{has}():
            out.append(self.{nxt}())
        return out
"""


def _iterators(tmp_path: Path, nxt: str, has: str) -> set[str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/walk.py": WALKER.format(nxt=nxt, has=has)})
    rows = patterns_rows(tmp_path, "app")
    return {str(r["symbol"]) for r in rows if r["pattern"] == "iterator"}


def test_public_next_and_has_next_make_an_iterator(tmp_path: Path) -> None:
    assert _iterators(tmp_path, "next", "has_next") == {"TokenWalker"}


def test_private_ones_are_the_class_own_cursor(tmp_path: Path) -> None:
    assert _iterators(tmp_path, "_next", "_has_next") == set()
