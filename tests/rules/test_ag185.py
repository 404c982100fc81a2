from __future__ import annotations

from agentls.engine import check_text, fix_text
from agentls.model import Finding
from agentls.settings import Settings

CODE = "AG185"
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


def test_allowed_tools() -> None:
    assert spans("allowed-tools: 5\n") == ["5"]
    assert spans("allowed-tools: [Read, {a: 1}]\ndisallowed-tools: true\n") == ["{a: 1}", "true"]
    assert run("allowed-tools: Bash(git add:*) Read\n") == []

