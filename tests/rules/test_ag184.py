from __future__ import annotations

from agentls.engine import check_text, fix_text
from agentls.model import Finding, Severity
from agentls.settings import Settings

CODE = "AG184"
DIALECT = "cursor-rule"
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


def test_manual() -> None:
    found = run("alwaysApply: false\n")
    assert spans("alwaysApply: false\n") == ["---"]
    assert found[0].severity is Severity.INFO
    for fm in ("globs: \"*.py\"\n", "description: d\n", "alwaysApply: true\n"):
        assert run(fm) == [], fm

