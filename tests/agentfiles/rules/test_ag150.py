from __future__ import annotations

from rulekit import Probe

from agentls.model import Effect, Severity

CODE = "AG150"
PROBE = Probe(CODE)
doc, run, spans, fixed = PROBE.doc, PROBE.run, PROBE.spans, PROBE.fixed


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

