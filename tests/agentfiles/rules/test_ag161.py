from __future__ import annotations

from agentls.engine import check_text, fix_text
from agentls.model import Effect, Finding, Severity
from agentls.settings import Settings

CODE = "AG161"
ONLY = Settings(select=(CODE,))


def doc(fm: str) -> str:
    return f"---\nname: a\ndescription: d\n{fm}---\nBody\n"


def run(fm: str, dialect: str = "claude-agent") -> list[Finding]:
    return check_text(doc(fm), "x.md", dialect, ONLY)[1]


def test_allowed_tools_means_every_tool() -> None:
    text = doc("allowed-tools: Read, Grep\n")
    found = run("allowed-tools: Read, Grep\n")
    assert [text[f.span.start:f.span.end] for f in found] == ["allowed-tools"]
    f = found[0]
    assert f.severity is Severity.WARNING and f.effect is Effect.CHANGED
    assert "every tool" in f.message
    assert fix_text(text, "x.md", "claude-agent", ONLY)[0] == doc("tools: Read, Grep\n")


def test_with_tools_no_fix() -> None:
    found = run("tools: Read\nallowedTools: Grep\n")
    assert found[0].fix is None and "`tools` decides" in found[0].message


def test_both_spellings_no_fix() -> None:
    found = run("allowedTools: Read\nallowed-tools: Grep\n")
    assert len(found) == 2 and all(f.fix is None for f in found)


def test_plugin_and_skill() -> None:
    assert run("allowedTools: Read\n", "claude-plugin-agent")
    assert run("allowed-tools: Read\n", "claude-skill") == []
