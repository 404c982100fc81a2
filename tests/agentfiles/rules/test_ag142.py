from __future__ import annotations

from rulekit import Probe

from agentls.model import Effect

CODE = "AG142"
PROBE = Probe(CODE)
doc, run, spans, fixed = PROBE.doc, PROBE.run, PROBE.spans, PROBE.fixed


def test_effort() -> None:
    for ok in ("low", "MEDIUM", "High", "xhigh", "max", "3"):
        assert run(f"effort: {ok}\n") == [], ok
    assert spans("effort: extreme\n") == ["extreme"]
    assert run("effort: true\n")[0].effect is Effect.CHANGED
    assert "`max`" in run("effort: maxx\n")[0].message

