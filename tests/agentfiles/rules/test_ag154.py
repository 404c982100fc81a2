from __future__ import annotations

from rulekit import Probe

CODE = "AG154"
PROBE = Probe(CODE)
doc, run, spans, fixed = PROBE.doc, PROBE.run, PROBE.spans, PROBE.fixed


def test_blank_strings() -> None:
    assert spans("initialPrompt: \"  \"\nobserver: 5\n") == ["\"  \"", "5"]
    assert run("initialPrompt: go\nobserverMessage:\n") == []

