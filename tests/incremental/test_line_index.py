"""Line starts are found lazily, as far as asked; any order of questions gets the answers
the whole text would give."""

from __future__ import annotations

import random

import pytest

from agentls.text import LineIndex, split_lines


def _starts(text: str) -> list[int]:
    out, pos = [], 0
    for line in split_lines(text):
        out.append(pos)
        pos += len(line)
    if text.endswith(("\n", "\r")):
        out.append(len(text))
    return out


@pytest.mark.parametrize("seed", range(20))
def test_lazy_answers_equal_whole_text_answers(seed: int) -> None:
    rng = random.Random(seed)
    pieces = ["a", "bc", "\n", "\n", "é", "😀", " ", "---\n", "\r\n"] if seed % 2 else ["ab", "\n", "é", "😀"]
    text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 300)))
    starts = _starts(text)
    index = LineIndex(text)
    for _ in range(200):
        q = rng.randrange(6)
        line = rng.randrange(len(starts) + 2)
        offset = rng.randrange(len(text) + 2)
        if q == 0:
            assert index.line_of(offset) == max(i for i, s in enumerate(starts) if s <= offset)
        elif q == 1:
            assert index.line_start(line) == starts[min(line, len(starts) - 1)]
        elif q == 2 and line < len(starts):
            end = starts[line + 1] if line + 1 < len(starts) else len(text)
            while end > starts[line] and text[end - 1] in "\r\n":
                end -= 1
            assert index.line_end(line) == end
        elif q == 3:
            assert index.line_count == len(starts)
        elif q == 4 and offset <= len(text):
            p = index.position(offset)
            assert starts[p.line] + p.column == offset
        elif q == 5 and line < len(starts):
            assert index.offset(line, 0) == starts[line]
