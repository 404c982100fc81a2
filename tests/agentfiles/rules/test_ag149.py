from __future__ import annotations

from rulekit import Probe

from agentls.model import Effect, Severity

CODE = "AG149"
PROBE = Probe(CODE)
doc, run, spans, fixed = PROBE.doc, PROBE.run, PROBE.spans, PROBE.fixed


def test_truthy_non_maps_skip_the_agent() -> None:
    for fm, span in (("hooks: []\n", "[]"), ("hooks: true\n", "true"), ("hooks: x\n", "x"),
                     ("hooks: 3\n", "3"), ("hooks:\n  matcher: Bash\n  hooks: []\n",
                                           "matcher: Bash\n  hooks: []")):
        found = run(fm)
        assert spans(fm) == [span], fm
        assert found[0].severity is Severity.ERROR and found[0].effect is Effect.SKIP
        assert found[0].message.startswith("Claude Code will not load this agent: ")


def test_falsy_and_good_shapes_load() -> None:
    for fm in ("hooks: {}\n", "hooks: false\n", "hooks:\n", "hooks: 0\n",
               "hooks:\n  NotAnEvent: []\n", "hooks:\n  Stop: [{hooks: []}]\n"):
        assert run(fm) == [], fm


def test_event_not_a_list() -> None:
    found = run("hooks:\n  PostToolUse: x\n")
    assert spans("hooks:\n  PostToolUse: x\n") == ["x"]
    assert found[0].effect is Effect.CHANGED and "dropped" in found[0].message
    found = run("hooks:\n  PreToolUse: {matcher: Bash}\n")
    assert found[0].effect is Effect.SKIP


def test_skill_loads_without_hooks() -> None:
    found = run("hooks: []\n", "claude-skill")
    assert found[0].effect is Effect.CHANGED and "no allowed-tools" in found[0].message
    assert run("hooks: []\n", "claude-plugin-agent") == []

