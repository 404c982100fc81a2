"""The incremental index of an open module equals a from-scratch index after any edits.

Differential: random edit sequences (typing, deleting, new lines, pasted and removed blocks,
half-typed code) on real modules nobody here wrote (the standard library's) and on this
project's own; after every edit, ``IncrementalIndex.update`` must give exactly what
``index_source`` gives for the same text (facts, lines, order, parse problems), and the
smells and pattern analysis built on it must be the same too.
"""

from __future__ import annotations

import argparse
import dataclasses
import inspect
import random
from pathlib import Path

import pytest

from agentls.patterns.analysis import AnalysisCache, analyze_source, index_source
from agentls.patterns.incremental import IncrementalIndex
from agentls.patterns.workspace import WorkspaceIndex

SNIPPETS = [
    "x",
    "_",
    "1",
    " ",
    "\n",
    "\n    ",
    "\n        ",
    "(",
    ")",
    ":",
    "#",
    '"',
    '"""',
    "self.",
    "\n    def added(self, item):\n        self.items.append(item)\n",
    "\nclass Pasted(Base):\n    def run(self):\n        return self.other.run()\n",
    "\n@decorator\n",
    "\\",
]


def _edit(rng: random.Random, text: str) -> str:
    roll = rng.random()
    at = rng.randrange(len(text) + 1)
    if roll < 0.55:  # type something
        return text[:at] + rng.choice(SNIPPETS) + text[at:]
    if roll < 0.8:  # delete a few characters
        return text[:at] + text[at + rng.randint(1, 12) :]
    lines = text.split("\n")
    i = rng.randrange(len(lines))
    if roll < 0.9:  # delete or duplicate a line
        return "\n".join(lines[:i] + lines[i + 1 :] if rng.random() < 0.5 else lines[: i + 1] + lines[i:])
    j = min(len(lines), i + rng.randint(2, 40))  # cut a block and paste it elsewhere
    block, rest = lines[i:j], lines[:i] + lines[j:]
    k = rng.randrange(len(rest) + 1)
    return "\n".join(rest[:k] + block + rest[k:])


def _run(text: str, path: str, module: str, seed: int, steps: int) -> tuple[int, int]:
    """(edits that left the module parsing, those of them indexed incrementally)."""
    rng = random.Random(seed)
    inc = IncrementalIndex(path, module)
    partial = clean = 0
    valid = text
    for _ in range(steps):
        # Mostly edits from a text that parses (an editor's usual state), sometimes on
        # from a broken one.
        base = valid if rng.random() < 0.7 else text
        text = _edit(rng, base)
        got, got_problems = inc.update(text)
        want, want_problems = index_source(text, path, module)
        assert got == want, f"seed {seed}: index differs after an edit"
        assert got_problems == want_problems
        if not want_problems:
            valid = text
            clean += 1
            if 0 < inc.reindexed_lines < len(text.split("\n")):
                partial += 1
    return clean, partial


@pytest.mark.parametrize("source", [argparse, dataclasses, inspect], ids=lambda m: m.__name__)
def test_random_edits_equal_a_fresh_index(source: object) -> None:
    text = Path(inspect.getfile(source)).read_text(encoding="utf-8")  # type: ignore[arg-type]
    clean, partial = _run(text, "mod.py", "pkg.mod", seed=len(text), steps=30)
    # Most edits that leave the module parsing take the incremental path: otherwise this
    # would prove nothing about it.
    assert partial >= clean * 0.6 and partial >= 8


def test_project_module_edits_equal_a_fresh_index() -> None:
    root = Path(__file__).resolve().parents[2] / "server" / "agentls" / "patterns"
    for n, path in enumerate(sorted(root.glob("*.py"))[:6]):
        text = path.read_text(encoding="utf-8")
        _run(text, "pkg/mod.py", "pkg.mod", seed=n, steps=15)


def test_edit_inside_a_method_reparses_only_that_method() -> None:
    method = "\n    def m{0}(self, x):\n        y = x + {0}\n        return self.h.run(y)\n"
    methods = "".join(method.format(i) for i in range(200))
    text = f"import os\n\n\nclass Big:\n    '''doc'''\n{methods}\n\ndef tail():\n    return Big()\n"
    inc = IncrementalIndex("big.py", "big")
    inc.update(text)
    edited = text.replace("y = x + 100\n", "y = x + 1000\n        z = y\n")
    got, problems = inc.update(edited)
    assert inc.reindexed_lines <= 5
    assert (got, problems) == index_source(edited, "big.py", "big")
    assert got.functions["tail"].range.line == index_source(edited, "big.py", "big")[0].functions["tail"].range.line


def test_the_cache_analyses_an_edited_module_as_a_fresh_one() -> None:
    text = Path(inspect.getfile(dataclasses)).read_text(encoding="utf-8")
    rng = random.Random(7)
    ws, cache = WorkspaceIndex(), AnalysisCache()
    for version in range(1, 25):
        text = _edit(rng, text)
        got = cache.analyze(text, "dc.py", ws, version=version)
        want = analyze_source(text, "dc.py")
        assert got.all() == want.all()
        assert got.outline == want.outline
        assert got.problems == want.problems
