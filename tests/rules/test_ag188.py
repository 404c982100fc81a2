from __future__ import annotations

from agentls.engine import check_text, fix_text
from agentls.model import Finding
from agentls.settings import Settings

CODE = "AG188"
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


def test_compatibility() -> None:
    long = "x" * 501
    assert spans(f"compatibility: {long}\n") == [long]
    assert spans("compatibility: \"\"\n") == ["\"\""]
    assert spans("metadata: x\nlicense: 5\n") == ["x", "5"]
    assert run("compatibility: needs git\nmetadata: {a: b}\nlicense: MIT\n") == []

