from __future__ import annotations

from agentls.engine import check_text, fix_text
from agentls.model import Finding
from agentls.settings import Settings

CODE = "AG176"
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


def test_mode() -> None:
    assert spans("description: d\nmode: helper\n") == ["helper"]
    assert "`subagent`" in run("description: d\nmode: sub-agent\n")[0].message
    for ok in ("primary", "subagent", "all"):
        assert run(f"description: d\nmode: {ok}\n") == []

