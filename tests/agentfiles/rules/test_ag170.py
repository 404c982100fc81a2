from __future__ import annotations

from rulekit import Probe

from agentls.model import Effect

CODE = "AG170"
DIALECT = "copilot-agent"
PROBE = Probe(CODE, DIALECT, head="")
doc, run, spans, fixed = PROBE.doc, PROBE.run, PROBE.spans, PROBE.fixed


def test_values() -> None:
    assert spans("description: d\ntarget: github\n") == ["github"]
    assert run("description: d\ntarget: github\n")[0].effect is Effect.CHANGED
    assert spans("description: d\nuser-invocable: \"no\"\nmetadata: [a]\nhandoffs: x\n") == \
        ["\"no\"", "[a]", "x"]
    assert run("description: d\ntarget: github-copilot\ndisable-model-invocation: true\n") == []

