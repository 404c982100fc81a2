from __future__ import annotations

from agentls.engine import check_text, fix_text
from agentls.model import Effect, Finding
from agentls.settings import Settings

CODE = "AG153"
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


def test_auto_compact_window() -> None:
    for ok in ("100000", "250000", "\"150000\"", ""):
        assert run(f"autoCompactWindow: {ok}\n") == [], ok
    for bad in ("99999", "big", "true", "1.5e5x"):
        found = run(f"autoCompactWindow: {bad}\n")
        assert spans(f"autoCompactWindow: {bad}\n") == [bad], bad
        assert found[0].effect is Effect.CHANGED

