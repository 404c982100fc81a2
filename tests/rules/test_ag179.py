from __future__ import annotations

from agentls.engine import check_text, fix_text
from agentls.model import Finding
from agentls.settings import Settings

CODE = "AG179"
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


def test_permission() -> None:
    assert spans("permission:\n  edit: no\n") == ["no"]
    fm = "permission:\n  edit: deny\n  bash:\n    \"git *\": allow\n    \"*\": maybe\n"
    assert spans(fm) == ["maybe"]
    assert spans("permission: deny\n") == ["deny"]
    assert run("permission:\n  webfetch: ask\n  task: {\"*\": deny}\n") == []

