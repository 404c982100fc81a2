"""Random edits to Python source, as an editor sends them (incremental changes, UTF-16 ranges).

Shared by the CI fuzz test (tests/incremental/test_python_fuzz.py) and the full-size bench
(bench/fuzz_python.py). Half-typed code, unterminated strings, 500-deep nesting, pasted and
deleted blocks, Enter and backspace, and now and then an undo back to an earlier text.
"""

from __future__ import annotations

import random
from typing import Any

SNIPPETS = [
    "x", "_", "1", " ", ".", ",", ":", "=", "(", ")", "[", "]", "{", "}", "#", "\\", "\t",
    "self.", "return ", "def ", "class ", "lambda ", "yield ", "await ", "@",
    '"', "'", '"""', "'''", 'f"{', '"unterminated', "'also", 'b"\\x',
    "\n", "\n    ", "\n        ", "\n\n\n",
    "\n    def added(self, item):\n        self.items.append(item)\n",
    "\nclass Pasted(Base):\n    def run(self):\n        return self.other.run()\n",
    "if x:\n    pass\nelse:\n", "try:\n", "except Exception as exc:\n",
    "é", "😀", "\u200b", "\x00",
]
DEEP = 500


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le", errors="surrogatepass")) // 2


def _position(lines: list[str], line: int, col: int) -> dict[str, int]:
    return {"line": line, "character": utf16(lines[line][:col])}


def random_edit(rng: random.Random, text: str, history: list[str]) -> tuple[str, dict[str, Any]]:
    """(the new text, its LSP content change) for one random edit of ``text``."""
    lines = text.split("\n")
    roll = rng.random()
    if roll < 0.01 and history:  # undo back to an earlier text: a whole-document change
        new = rng.choice(history)
        return new, {"text": new}
    line = rng.randrange(len(lines))
    col = rng.randint(0, len(lines[line]))
    end_line, end_col = line, col
    if roll < 0.55:
        insert = rng.choice(SNIPPETS)
    elif roll < 0.57:
        opener = rng.choice("([{")
        insert = "x = " + opener * DEEP + "1" + {"(": ")", "[": "]", "{": "}"}[opener] * DEEP * rng.randint(0, 1)
    elif roll < 0.59:
        insert = "\n" + "".join("    " * i + "if x:\n" for i in range(60)) + "    " * 60 + "pass\n"
    elif roll < 0.85:  # delete a few characters, possibly across lines
        end_line = min(len(lines) - 1, line + (rng.random() < 0.2))
        end_col = min(len(lines[end_line]), (col if end_line == line else 0) + rng.randint(1, 12))
        insert = ""
    elif roll < 0.93:  # cut a block of lines
        end_line = min(len(lines) - 1, line + rng.randint(1, 40))
        col, end_col, insert = 0, 0, ""
    else:  # paste a block copied from elsewhere
        start = rng.randrange(len(lines))
        insert = "\n".join(lines[start : start + rng.randint(1, 60)]) + "\n"
        col = 0
    change = {"range": {"start": _position(lines, line, col), "end": _position(lines, end_line, end_col)},
              "text": insert}
    head, tail = lines[line][:col], lines[end_line][end_col:]
    new = "\n".join(lines[:line] + (head + insert + tail).split("\n") + lines[end_line + 1 :])
    return new, change
