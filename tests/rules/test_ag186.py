from __future__ import annotations

from agentls.engine import check_text, fix_text
from agentls.model import Effect, Finding, Severity
from agentls.settings import Settings

CODE = "AG186"
DIALECT = "claude-skill"
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


def test_booleans() -> None:
    found = run("user-invocable: yes\n")
    assert spans("user-invocable: yes\n") == ["yes"]
    assert found[0].severity is Severity.INFO and "2.1.218" in found[0].message
    found = run("disable-model-invocation: always\n")
    assert found[0].severity is Severity.WARNING and found[0].effect is Effect.CHANGED
    assert run("background: false\nuser-invocable: true\n") == []

