from __future__ import annotations

from rulekit import Probe

from agentls.model import Effect, Severity

CODE = "AG186"
DIALECT = "claude-skill"
PROBE = Probe(CODE, DIALECT, head="")
doc, run, spans, fixed = PROBE.doc, PROBE.run, PROBE.spans, PROBE.fixed


def test_booleans() -> None:
    found = run("user-invocable: yes\n")
    assert spans("user-invocable: yes\n") == ["yes"]
    assert found[0].severity is Severity.INFO and "2.1.218" in found[0].message
    found = run("disable-model-invocation: always\n")
    assert found[0].severity is Severity.WARNING and found[0].effect is Effect.CHANGED
    assert run("background: false\nuser-invocable: true\n") == []

