from __future__ import annotations

from rulekit import Probe

from agentls.model import Severity

CODE = "AG180"
DIALECT = "opencode-agent"
PROBE = Probe(CODE, DIALECT, head="")
doc, run, spans, fixed = PROBE.doc, PROBE.run, PROBE.spans, PROBE.fixed


def test_booleans() -> None:
    assert spans("disable: yes\n") == ["yes"]
    found = run("hidden: true\n")
    assert found[0].severity is Severity.INFO
    assert run("mode: subagent\nhidden: true\ndisable: false\n") == []

