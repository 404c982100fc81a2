from __future__ import annotations

from rulekit import Probe

from agentls.model import Effect

CODE = "AG153"
PROBE = Probe(CODE)
doc, run, spans, fixed = PROBE.doc, PROBE.run, PROBE.spans, PROBE.fixed


def test_auto_compact_window() -> None:
    for ok in ("100000", "250000", "\"150000\"", ""):
        assert run(f"autoCompactWindow: {ok}\n") == [], ok
    for bad in ("99999", "big", "true", "1.5e5x"):
        found = run(f"autoCompactWindow: {bad}\n")
        assert spans(f"autoCompactWindow: {bad}\n") == [bad], bad
        assert found[0].effect is Effect.CHANGED

