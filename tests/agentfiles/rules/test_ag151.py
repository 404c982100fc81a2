from __future__ import annotations

from rulekit import Probe

from agentls.model import Effect, Severity

CODE = "AG151"
PROBE = Probe(CODE)
doc, run, spans, fixed = PROBE.doc, PROBE.run, PROBE.spans, PROBE.fixed


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

