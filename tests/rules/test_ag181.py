from __future__ import annotations

from agentls.engine import check_text, fix_text
from agentls.model import Finding, Severity
from agentls.settings import Settings

CODE = "AG181"
DIALECT = "opencode-agent"
ONLY = Settings(select=(CODE,))


def doc(fm: str) -> str:
    return f"---\n{fm}---\nBody\n"


def run(fm: str) -> list[Finding]:
    return check_text(doc(fm), "x.md", DIALECT, ONLY)[1]


def spans(fm: str) -> list[str]:
    text = doc(fm)
    return [text[f.span.start:f.span.end] for f in run(fm)]


def fixed(fm: str) -> str:
    return fix_text(doc(fm), "x.md", DIALECT, ONLY)[0]


def test_model() -> None:
    assert spans("model: sonnet\n") == ["sonnet"]
    assert run("model: sonnet\n")[0].severity is Severity.INFO
    assert run("model: 5\n")[0].severity is Severity.WARNING
    assert run("model: anthropic/claude-sonnet-4-5\n") == []

