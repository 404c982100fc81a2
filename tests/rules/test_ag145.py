from __future__ import annotations

from agentls.engine import check_text, fix_text
from agentls.model import Effect, Finding
from agentls.settings import Settings

CODE = "AG145"
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


def test_max_turns() -> None:
    for ok in ("5", "\"5\"", "5.0", ""):
        assert run(f"maxTurns: {ok}\n") == [], ok
    for bad in ("0", "-1", "many", "2.5", "true", "[3]"):
        found = run(f"maxTurns: {bad}\n")
        assert spans(f"maxTurns: {bad}\n") == [bad], bad
        assert found[0].effect is Effect.CHANGED

