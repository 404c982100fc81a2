"""Typing in the body reuses the frontmatter findings; the result must equal a fresh check."""

from __future__ import annotations

import pytest

from agentls import rules
from agentls.edit_cache import EditCache
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
    cache = EditCache()
    path = f"/ws/cache/{code}.md"
    check_text(text, path, dialect, settings, cache)  # prime
    reused = 0
    for body in BODIES:
        first = load_text(text, path, dialect)
        if first.block is None:
            continue
        new = text[: first.block.body_start] + body
        reused += cache.heads.reuse(new, path, dialect, settings) is not None
        _, cached = check_text(new, path, dialect, settings, cache)
        _, fresh = check_text(new, path, dialect, settings)  # no cache: nothing reused
        assert [(f.code, f.span, f.message) for f in cached] == \
               [(f.code, f.span, f.message) for f in fresh]
    assert reused or not _parsed_clean(text, path, dialect)  # the kept head served


def _parsed_clean(text: str, path: str, dialect: str) -> bool:
    """Text the editor path parses normally (not binary, undecodable or too large)."""
    doc, _ = check_text(text, path, dialect)
    return doc.block is not None and not doc.problems


def test_two_sessions_share_nothing() -> None:
    # The same path, checked by two sessions with other settings: each sees only its own.
    path = "/ws/.claude/agents/shared.md"
    text = "---\nname: a\ndescription: d\ncolor: mauve\n---\nBody\n"
    one, two = EditCache(), EditCache()
    quiet = Settings(ignore=("AG141",))
    check_text(text, path, "claude-agent", Settings(), one)
    _, got = check_text(text + "more\n", path, "claude-agent", quiet, two)
    assert "AG141" not in {f.code for f in got}
    assert two.heads.reuse(text, path, "claude-agent", quiet) is not None
    assert one.heads.reuse(text, path, "claude-agent", quiet) is None
