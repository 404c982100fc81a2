from __future__ import annotations

from agentls.engine import check_text, fix_text
from agentls.model import Effect, Finding
from agentls.settings import Settings

CODE = "AG142"
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


def test_effort() -> None:
    for ok in ("low", "MEDIUM", "High", "xhigh", "max", "3"):
        assert run(f"effort: {ok}\n") == [], ok
    assert spans("effort: extreme\n") == ["extreme"]
    assert run("effort: true\n")[0].effect is Effect.CHANGED
    assert "`max`" in run("effort: maxx\n")[0].message

