from __future__ import annotations

from rulekit import Probe

from agentls.model import Severity

CODE = "AG181"
DIALECT = "opencode-agent"
PROBE = Probe(CODE, DIALECT, head="")
doc, run, spans, fixed = PROBE.doc, PROBE.run, PROBE.spans, PROBE.fixed


def test_model() -> None:
    assert spans("model: sonnet\n") == ["sonnet"]
    assert run("model: sonnet\n")[0].severity is Severity.INFO
    assert run("model: 5\n")[0].severity is Severity.WARNING
    assert run("model: anthropic/claude-sonnet-4-5\n") == []

