from __future__ import annotations

from rulekit import Probe

CODE = "AG146"
PROBE = Probe(CODE)
doc, run, spans, fixed = PROBE.doc, PROBE.run, PROBE.spans, PROBE.fixed


def test_booleans() -> None:
    for ok in ("true", "false", "\"true\"", "TRUE", ""):
        assert run(f"background: {ok}\n") == [], ok
    found = run("background: yes\nomitClaudeMd: 1\n")
    assert spans("background: yes\nomitClaudeMd: 1\n") == ["yes", "1"]
    assert "YAML 1.2" in found[0].message and "stays off" in found[0].message
    assert spans("background: \"True\"\n") == ["\"True\""]

