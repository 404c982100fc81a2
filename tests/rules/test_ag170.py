from __future__ import annotations

from agentls.engine import check_text, fix_text
from agentls.model import Effect, Finding
from agentls.settings import Settings

CODE = "AG170"
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


def test_values() -> None:
    assert spans("description: d\ntarget: github\n") == ["github"]
    assert run("description: d\ntarget: github\n")[0].effect is Effect.CHANGED
    assert spans("description: d\nuser-invocable: \"no\"\nmetadata: [a]\nhandoffs: x\n") == \
        ["\"no\"", "[a]", "x"]
    assert run("description: d\ntarget: github-copilot\ndisable-model-invocation: true\n") == []

