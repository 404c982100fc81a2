from __future__ import annotations

from rulekit import Probe

CODE = "AG177"
DIALECT = "opencode-agent"
PROBE = Probe(CODE, DIALECT, head="")
doc, run, spans, fixed = PROBE.doc, PROBE.run, PROBE.spans, PROBE.fixed


def test_temperature() -> None:
    assert spans("temperature: 3\n") == ["3"]
    assert spans("temperature: \"0.2\"\ntop_p: 1.5\n") == ["\"0.2\"", "1.5"]
    assert run("temperature: 0\ntop_p: 0.9\n") == []
    assert run("temperature: 1.7\n") == []

