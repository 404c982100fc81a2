from __future__ import annotations

from agentls.engine import check_text, fix_text
from agentls.model import Finding
from agentls.settings import Settings

CODE = "AG146"
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


def test_booleans() -> None:
    for ok in ("true", "false", "\"true\"", "TRUE", ""):
        assert run(f"background: {ok}\n") == [], ok
    found = run("background: yes\nomitClaudeMd: 1\n")
    assert spans("background: yes\nomitClaudeMd: 1\n") == ["yes", "1"]
    assert "YAML 1.2" in found[0].message and "stays off" in found[0].message
    assert spans("background: \"True\"\n") == ["\"True\""]

