from __future__ import annotations

from rulekit import Probe

CODE = "AG188"
DIALECT = "claude-skill"
PROBE = Probe(CODE, DIALECT, head="")
doc, run, spans, fixed = PROBE.doc, PROBE.run, PROBE.spans, PROBE.fixed


def test_compatibility() -> None:
    long = "x" * 501
    assert spans(f"compatibility: {long}\n") == [long]
    assert spans("compatibility: \"\"\n") == ["\"\""]
    assert spans("metadata: x\nlicense: 5\n") == ["x", "5"]
    assert run("compatibility: needs git\nmetadata: {a: b}\nlicense: MIT\n") == []

