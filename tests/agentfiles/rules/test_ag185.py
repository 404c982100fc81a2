from __future__ import annotations

from rulekit import Probe

CODE = "AG185"
DIALECT = "claude-skill"
PROBE = Probe(CODE, DIALECT, head="")
doc, run, spans, fixed = PROBE.doc, PROBE.run, PROBE.spans, PROBE.fixed


def test_allowed_tools() -> None:
    assert spans("allowed-tools: 5\n") == ["5"]
    assert spans("allowed-tools: [Read, {a: 1}]\ndisallowed-tools: true\n") == ["{a: 1}", "true"]
    assert run("allowed-tools: Bash(git add:*) Read\n") == []

