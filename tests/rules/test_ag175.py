from __future__ import annotations

from agentls.engine import check_text, fix_text
from agentls.model import Finding
from agentls.settings import Settings

CODE = "AG175"
DIALECT = "copilot-instructions"
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


def test_apply_to() -> None:
    assert spans("applyTo: [\"*.ts\"]\n") == ["[\"*.ts\"]"]
    assert "commas" in run("applyTo: [\"*.ts\"]\n")[0].message
    assert spans("applyTo:\n") == ["applyTo"]
    assert run("applyTo: \"**/*.ts,**/*.tsx\"\n") == []
    assert run("description: d\n") == []

