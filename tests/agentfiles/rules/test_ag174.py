from __future__ import annotations

from rulekit import Probe

from agentls.model import Severity

CODE = "AG174"
DIALECT = "copilot-prompt"
PROBE = Probe(CODE, DIALECT, head="")
doc, run, spans, fixed = PROBE.doc, PROBE.run, PROBE.spans, PROBE.fixed


def test_mode_renamed() -> None:
    assert spans("mode: edit\n") == ["mode"]
    assert fixed("mode: edit\n") == doc("agent: edit\n")
    assert run("mode: edit\nagent: ask\n")[0].fix is None


def test_type() -> None:
    found = run("agent: 5\n")
    assert found[0].severity is Severity.WARNING
    assert run("agent: my-reviewer\n") == []

