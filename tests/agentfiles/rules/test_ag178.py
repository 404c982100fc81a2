from __future__ import annotations

from rulekit import Probe

CODE = "AG178"
DIALECT = "opencode-agent"
PROBE = Probe(CODE, DIALECT, head="")
doc, run, spans, fixed = PROBE.doc, PROBE.run, PROBE.spans, PROBE.fixed


def test_tools() -> None:
    assert spans("tools: Read, Grep\n") == ["Read, Grep"]
    assert spans("tools:\n  write: no\n  edit: false\n") == ["no"]
    assert run("tools:\n  mymcp_*: false\n") == []

