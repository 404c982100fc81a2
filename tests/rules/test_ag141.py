from __future__ import annotations

from agentls.engine import check_text, fix_text
from agentls.model import Effect, Finding
from agentls.settings import Settings

CODE = "AG141"
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


def test_colours() -> None:
    assert run("color: cyan\n") == []
    found = run("color: magenta\n")
    assert spans("color: magenta\n") == ["magenta"]
    assert "`purple`" in found[0].message and "no colour" in found[0].message
    assert found[0].effect is Effect.CHANGED
    assert run("color: chartreuse\n")[0].fix is None


def test_case_fix_is_safe() -> None:
    assert fixed("color: Red\n") == doc("color: red\n")
    assert fixed("color: \"Blue\"\n") == doc("color: \"blue\"\n")
    assert fixed("color: magenta\n") == doc("color: magenta\n")  # not the same colour: unsafe


def test_plugin_message() -> None:
    assert "not displayed" in run("color: Red\n", "claude-plugin-agent")[0].message

