"""In an editor session (``yamlnodes.ParseFailures``) a strict parse that failed is not repeated
for text that starts the same way; the remembered failure must be exactly what parsing again
would say, whatever follows."""

from __future__ import annotations

import random

import pytest

from agentls import rules
from agentls.frontmatter import block as blocks
from agentls.frontmatter import yamlnodes

# What may follow the remembered prefix: anything, including what changes how YAML reads.
TAILS = ["model: opus\n", "  indented: continuation\n", "...\n", "---\n", "- item\n",
         'quoted: "unterminated\n', "flow: [a, b\n", "anchor: &a x\nalias: *a\n", "\tkey: tab\n",
         "# comment\n", "key: value: more\n", "deep: " + "[" * 80 + "\n", "", "x\n", ": \n"]


def _failing_blocks() -> list[str]:
    found = []
    for rule in rules.all_rules().values():
        for ex in (*rule.examples_bad, *rule.examples_good):
            block = blocks.cut(ex.text).block
            if block is None:
                continue
            try:
                yamlnodes.parse(block.yaml)
            except yamlnodes.YamlError:
                found.append(block.yaml)
    found += [
        'name: a\ndescription: Use it. Examples: <example>user: "hi"</example>\n'
        'tools: Read\nmodel: sonnet\ncolor: blue\n',
        "name: a\ndescription: one\n  two: three\ntools: Read\n",
        "name: a\ntools: [Read, Grep\nmodel: opus\ncolor: red\n",
        "name: a\nglobs: *.py\ndescription: d\nmodel: opus\n",
        "name: a\n  bad: indent\ndescription: d\nmodel: opus\n",
        "name: 'a\ndescription: d\nmodel: opus\ncolor: red\n",
        "name: a\ndescription: d\nmodel: opus\n- stray\ncolor: red\nmore: x\n",
    ]
    return found


def _outcome(text: str, failures: yamlnodes.ParseFailures | None) -> tuple[str, int | None] | None:
    try:
        yamlnodes.parse(text, 64, failures)
    except yamlnodes.YamlError as exc:
        return exc.message, exc.offset
    return None


@pytest.mark.parametrize("seed", range(6))
def test_a_remembered_failure_is_what_parsing_again_says(seed: int) -> None:
    rng = random.Random(seed)
    broken = _failing_blocks()
    assert len(broken) >= 12
    reused = 0
    failures = yamlnodes.ParseFailures()
    for text in broken:
        first = _outcome(text, failures)  # remembers the failure
        assert first == _outcome(text, None)
        lines = text.splitlines(keepends=True)
        for _ in range(8):
            cut = rng.randrange(len(lines) + 1)
            tail = "".join(rng.choice(TAILS) for _ in range(rng.randrange(4)))
            new = "".join(lines[:cut]) + tail
            served = failures.known(new, 64) is not None
            got = _outcome(new, failures)
            assert got == _outcome(new, None), (text, new)
            reused += served and new != text
    assert reused > 0  # the remembered failures did serve


def test_a_failure_near_the_end_serves_that_text_only() -> None:
    # The parser looked at everything, so what follows could change its verdict: the failure
    # answers for this exact text (AG005 parses each rescued line alone, on every keystroke).
    text = "name: a\ndescription: x: y\n"
    failures = yamlnodes.ParseFailures()
    with pytest.raises(yamlnodes.YamlError):
        yamlnodes.parse(text, failures=failures)
    assert failures.known(text, 64) == _outcome(text, None)
    assert failures.known(text + "more: z\n", 64) is None
    assert failures.known(text, 32) is None


def test_without_a_memo_nothing_is_kept() -> None:
    text = "name: a\ndescription: x: y\nmodel: opus\ncolor: red\n"
    for _ in range(2):
        assert _outcome(text, None) is not None
    failures = yamlnodes.ParseFailures()
    _outcome(text, failures)
    assert len(failures) == 1
