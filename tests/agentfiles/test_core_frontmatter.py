"""Core changes made for the structure, file, name and description rules: what
``CheckContext.finding`` does with ``effect``, and the file checks of ``engine.check_text``."""

from __future__ import annotations

from collections.abc import Iterator

from agentls.engine import check_text
from agentls.frontmatter.document import ParseState, load_text
from agentls.model import Effect, Finding, Severity, Span
from agentls.rules.base import CheckContext, Example, Rule
from agentls.settings import Settings


class _Skips(Rule):
    """A rule whose usual effect is SKIP."""

    code = "AG999"
    slug = "test"
    severity = Severity.ERROR
    effect = Effect.SKIP

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        yield ctx.finding(Span(0, 3), "default")
        yield ctx.finding(Span(0, 3), "none", effect=None)
        yield ctx.finding(Span(0, 3), "changed", effect=Effect.CHANGED)


def test_finding_effect_none_means_no_effect() -> None:
    doc = load_text("---\nname: a\n---\n", "x.md", "claude-agent")
    rule = _Skips()
    found = list(rule.check(CheckContext(doc, rule)))
    assert [f.effect for f in found] == [Effect.SKIP, None, Effect.CHANGED]


def test_example_path_defaults_to_x_md() -> None:
    assert Example("t").path == "x.md"
    assert Example("t", "claude-skill", "skills/a/SKILL.md").path == "skills/a/SKILL.md"


def test_check_text_size_counts_utf8_bytes() -> None:
    text = "---\nname: a\n---\n" + "é" * 10
    doc, _ = check_text(text, "x.md", "claude-agent")
    assert doc.byte_size == len(text.encode())
    assert doc.problems == []


def test_check_text_too_large_and_binary_are_not_parsed() -> None:
    doc, _ = check_text("---\nname: a\n---\n", "x.md", "claude-agent", Settings(max_file_size=5))
    assert [p.kind for p in doc.problems] == ["too-large"]
    assert doc.state is ParseState.NO_BLOCK and doc.data == {}
    doc, _ = check_text("---\nname: a\x00\n---\n", "x.md", "claude-agent")
    assert [p.kind for p in doc.problems] == ["binary"] and doc.state is ParseState.NO_BLOCK


def test_check_text_lone_surrogate_reads_as_replacement_character() -> None:
    text = "---\nname: a\udcff\n---\n"
    doc, _ = check_text(text, "x.md", "claude-agent")
    (problem,) = doc.problems
    assert problem.kind == "invalid-utf8" and problem.offset == text.index("\udcff")
    assert doc.data == {"name": "a\ufffd"} and len(doc.text) == len(text)
