from __future__ import annotations

from rulekit import Probe

CODE = "AG144"
PROBE = Probe(CODE)
doc, run, spans, fixed = PROBE.doc, PROBE.run, PROBE.spans, PROBE.fixed


def test_isolation() -> None:
    assert run("isolation: worktree\n") == []
    assert run("isolation: remote\n") == []
    assert spans("isolation: remote\n", "claude-plugin-agent") == ["remote"]
    assert spans("isolation: sandbox\n") == ["sandbox"]

