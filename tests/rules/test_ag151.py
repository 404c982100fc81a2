from __future__ import annotations

from agentls.engine import check_text, fix_text
from agentls.model import Effect, Finding, Severity
from agentls.settings import Settings

CODE = "AG151"
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


def test_top_level_guarded_event_skips() -> None:
    fm = "PreToolUse:\n  - matcher: Bash\n    hooks: []\n"
    found = run(fm)
    assert spans(fm) == ["PreToolUse"]
    assert found[0].effect is Effect.SKIP and found[0].severity is Severity.ERROR
    assert spans("PermissionRequest: x\n") == ["PermissionRequest"]


def test_empty_or_other_events_at_top_level() -> None:
    for fm in ("PreToolUse:\n", "PreToolUse: []\n", "PostToolUse: [{matcher: x}]\n"):
        assert run(fm) == [], fm


def test_nested_matcher_shaped() -> None:
    fm = "extra:\n  PreToolUse:\n    - matcher: Bash\n      hooks: []\n"
    assert spans(fm) == ["PreToolUse"]
    assert run("metadata:\n  PreToolUse: [{matcher: x}]\n") == []
    assert run("extra:\n  PreToolUse: text\n") == []
    deep = "a:\n  b:\n    c:\n      PreToolUse: [{matcher: x}]\n"
    assert run(deep) == []


def test_skill_changed() -> None:
    found = run("PreToolUse: [{matcher: x}]\n", "claude-skill")
    assert found[0].effect is Effect.CHANGED

