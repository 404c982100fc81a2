"""QA: verdicts, ranges and fixes of `agentls check` on real-world agent files."""

from __future__ import annotations

from agentls.engine import check_text

AGENT = ".claude/agents/x.md"


def _findings(text: str, dialect: str = "claude-agent") -> list[tuple[str, str, str]]:
    doc, findings = check_text(text, AGENT, dialect)
    return [(f.code, doc.text[f.span.start:f.span.end], f.message) for f in findings]


def test_unterminated_quote_is_reported_at_the_quote_not_at_the_last_key() -> None:
    text = ('---\nname: reviewer\ndescription: "Reviews code\nmodel: sonnet\ncolor: blue\n'
            'tools: Read, Grep\n---\nBody\n')
    ((code, covered, message),) = _findings(text)
    assert code == "AG003"
    assert covered == '"'
    assert "quoted scalar" in message
