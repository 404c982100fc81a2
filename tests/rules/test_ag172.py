from __future__ import annotations

from agentls.engine import check_text, fix_text
from agentls.model import Finding, Severity
from agentls.settings import Settings

CODE = "AG172"
DIALECT = "copilot-agent"
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


def test_spellings() -> None:
    found = run("description: d\nuser-invokable: false\n")
    assert spans("description: d\nuser-invokable: false\n") == ["user-invokable"]
    assert found[0].severity is Severity.INFO
    found = run("description: d\nuser-invokable: false\nuser-invocable: true\n")
    assert found[0].severity is Severity.WARNING and "disagree" in found[0].message
    assert run("description: d\nuser-invokable: false\nuser-invocable: false\n") == []

