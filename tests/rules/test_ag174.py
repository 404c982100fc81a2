from __future__ import annotations

from agentls.engine import check_text, fix_text
from agentls.model import Finding, Severity
from agentls.settings import Settings

CODE = "AG174"
DIALECT = "copilot-prompt"
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


def test_mode_renamed() -> None:
    assert spans("mode: edit\n") == ["mode"]
    assert fixed("mode: edit\n") == doc("agent: edit\n")
    assert run("mode: edit\nagent: ask\n")[0].fix is None


def test_type() -> None:
    found = run("agent: 5\n")
    assert found[0].severity is Severity.WARNING
    assert run("agent: my-reviewer\n") == []

