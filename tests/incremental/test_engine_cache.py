"""Typing in the body reuses the frontmatter findings; the result must equal a fresh check."""

from __future__ import annotations

import pytest

from agentls import rules
from agentls.engine import check_text
from agentls.frontmatter.document import load_text
from agentls.rules.base import CheckContext
from agentls.settings import Settings

BODIES = ["", "Body\n", "# Heading\n\nSome text with --- inside.\n", "x" * 3000 + "\n"]


def _examples() -> list[tuple[str, str, str]]:
    out = []
    for rule in rules.all_rules().values():
        for ex in (*rule.examples_bad, *rule.examples_good):
            out.append((rule.code, ex.text, ex.dialect))
    return out


@pytest.mark.parametrize(("code", "text", "dialect"), _examples())
def test_head_rules_do_not_read_the_body(code: str, text: str, dialect: str) -> None:
    rule = rules.get(code)
    assert rule is not None
    first = load_text(text, "/ws/.claude/agents/x.md", dialect)
    if rule.reads_body or first.block is None:
        return
    head = text[: first.block.body_start]
    seen = None
    for body in BODIES:
        doc = load_text(head + body, "/ws/.claude/agents/x.md", dialect)
        if doc.root is None and rule.needs_mapping:
            continue
        got = [(f.code, f.span, f.message) for f in rule.check(CheckContext(doc, rule))]
        if seen is None:
            seen = got
        assert got == seen, f"{code} depends on the body: mark it reads_body = True"


@pytest.mark.parametrize(("code", "text", "dialect"), _examples())
def test_cached_check_equals_fresh_check(code: str, text: str, dialect: str) -> None:
    settings = Settings()
    path = f"/ws/cache/{code}.md"
    check_text(text, path, dialect, settings)  # prime
    for body in BODIES:
        first = load_text(text, path, dialect)
        if first.block is None:
            continue
        new = text[: first.block.body_start] + body
        _, cached = check_text(new, path, dialect, settings)
        _, fresh = check_text(new, path, dialect, Settings())  # another settings object: no reuse
        assert [(f.code, f.span, f.message) for f in cached] == \
               [(f.code, f.span, f.message) for f in fresh]
