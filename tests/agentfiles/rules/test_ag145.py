from __future__ import annotations

from rulekit import Probe

from agentls.model import Effect

CODE = "AG145"
PROBE = Probe(CODE)
doc, run, spans, fixed = PROBE.doc, PROBE.run, PROBE.spans, PROBE.fixed


def test_max_turns() -> None:
    for ok in ("5", "\"5\"", "5.0", ""):
        assert run(f"maxTurns: {ok}\n") == [], ok
    for bad in ("0", "-1", "many", "2.5", "true", "[3]"):
        found = run(f"maxTurns: {bad}\n")
        assert spans(f"maxTurns: {bad}\n") == [bad], bad
        assert found[0].effect is Effect.CHANGED

