from __future__ import annotations

from agentls.engine import check_text, fix_text
from agentls.model import Finding
from agentls.settings import Settings

CODE = "AG154"
ONLY = Settings(select=(CODE,))


def doc(fm: str) -> str:
    return f"---\nname: a\ndescription: d\n{fm}---\nBody\n"


def run(fm: str, dialect: str = "claude-agent") -> list[Finding]:
    return check_text(doc(fm), "x.md", dialect, ONLY)[1]


def spans(fm: str, dialect: str = "claude-agent") -> list[str]:
    text = doc(fm)
    return [text[f.span.start:f.span.end] for f in run(fm, dialect)]


def fixed(fm: str, dialect: str = "claude-agent") -> str:
    return fix_text(doc(fm), "x.md", dialect, ONLY)[0]


def test_blank_strings() -> None:
    assert spans("initialPrompt: \"  \"\nobserver: 5\n") == ["\"  \"", "5"]
    assert run("initialPrompt: go\nobserverMessage:\n") == []

