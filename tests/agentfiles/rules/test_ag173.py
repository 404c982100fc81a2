from __future__ import annotations

from rulekit import Probe

CODE = "AG173"
DIALECT = "copilot-agent"
PROBE = Probe(CODE, DIALECT, head="")
doc, run, spans, fixed = PROBE.doc, PROBE.run, PROBE.spans, PROBE.fixed


def test_infer() -> None:
    assert spans("description: d\ninfer: true\n") == ["infer"]
    assert run("description: d\n") == []

