from __future__ import annotations

from rulekit import Probe

CODE = "AG171"
DIALECT = "copilot-agent"
PROBE = Probe(CODE, DIALECT, head="")
doc, run, spans, fixed = PROBE.doc, PROBE.run, PROBE.spans, PROBE.fixed


def test_shapes() -> None:
    assert spans("description: d\ntools: {read: true}\n") == ["{read: true}"]
    assert spans("description: d\ntools: [read, 5]\n") == ["5"]
    assert run("description: d\ntools: read, Bash, github/*\n") == []
    assert run("description: d\ntools: []\n") == []

