from __future__ import annotations

from rulekit import Probe

from agentls.model import Severity

CODE = "AG172"
DIALECT = "copilot-agent"
PROBE = Probe(CODE, DIALECT, head="")
doc, run, spans, fixed = PROBE.doc, PROBE.run, PROBE.spans, PROBE.fixed


def test_spellings() -> None:
    found = run("description: d\nuser-invokable: false\n")
    assert spans("description: d\nuser-invokable: false\n") == ["user-invokable"]
    assert found[0].severity is Severity.INFO
    found = run("description: d\nuser-invokable: false\nuser-invocable: true\n")
    assert found[0].severity is Severity.WARNING and "disagree" in found[0].message
    assert run("description: d\nuser-invokable: false\nuser-invocable: false\n") == []

