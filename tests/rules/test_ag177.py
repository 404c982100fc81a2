from __future__ import annotations

from agentls.engine import check_text, fix_text
from agentls.model import Finding
from agentls.settings import Settings

CODE = "AG177"
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


def test_temperature() -> None:
    assert spans("temperature: 3\n") == ["3"]
    assert spans("temperature: \"0.2\"\ntop_p: 1.5\n") == ["\"0.2\"", "1.5"]
    assert run("temperature: 0\ntop_p: 0.9\n") == []
    assert run("temperature: 1.7\n") == []

