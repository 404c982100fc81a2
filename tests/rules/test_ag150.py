from __future__ import annotations

from agentls.engine import check_text, fix_text
from agentls.model import Effect, Finding, Severity
from agentls.settings import Settings

CODE = "AG150"
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


def test_unknown_event_removed() -> None:
    found = run("hooks:\n  preToolUse: []\n  NotAnEvent: []\n  PostToolUse: []\n")
    assert [f.span for f in found] and len(found) == 2
    assert "`PreToolUse`" in found[0].message and found[0].effect is Effect.CHANGED
    assert spans("hooks:\n  NotAnEvent: []\n") == ["NotAnEvent"]


def test_stop_note_in_agents() -> None:
    found = run("hooks:\n  Stop: []\n")
    assert found[0].severity is Severity.INFO and "SubagentStop" in found[0].message
    assert run("hooks:\n  Stop: []\n", "claude-skill") == []


def test_known_events_and_lone_matcher() -> None:
    fm = "hooks:\n  PreSkillShellCommand: []\n  SubagentStart: []\n  PermissionDenied: []\n"
    assert run(fm) == []
    assert run("hooks:\n  matcher: Bash\n") == []  # AG149

