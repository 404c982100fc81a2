from __future__ import annotations

from rulekit import Probe

CODE = "AG143"
PROBE = Probe(CODE)
doc, run, spans, fixed = PROBE.doc, PROBE.run, PROBE.spans, PROBE.fixed


def test_memory() -> None:
    for ok in ("user", "project", "local", ""):
        assert run(f"memory: {ok}\n") == [], ok
    assert spans("memory: global\n") == ["global"]
    assert fixed("memory: User\n") == doc("memory: user\n")

