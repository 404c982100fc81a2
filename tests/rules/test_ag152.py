from __future__ import annotations

from agentls.engine import check_text, fix_text
from agentls.model import Effect, Finding, Severity
from agentls.settings import Settings

CODE = "AG152"
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


def test_plugin_ignored_fields() -> None:
    fm = "hooks: {}\nmcpServers: [x]\npermissionMode: plan\ninitialPrompt: hi\n"
    found = run(fm, "claude-plugin-agent")
    assert spans(fm, "claude-plugin-agent") == ["hooks", "mcpServers", "permissionMode",
                                                "initialPrompt"]
    assert all(f.effect is Effect.CHANGED and f.severity is Severity.WARNING for f in found)
    assert run(fm) == []

