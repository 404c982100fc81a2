from __future__ import annotations

from rulekit import Probe

from agentls.model import Effect

CODE = "AG147"
PROBE = Probe(CODE)
doc, run, spans, fixed = PROBE.doc, PROBE.run, PROBE.spans, PROBE.fixed


def test_skills() -> None:
    for ok in ("pdf, docx", "[pdf, docx]", "", "[]"):
        assert run(f"skills: {ok}\n") == [], ok
    assert spans("skills:\n  - pdf\n  - 3\n  -\n") == ["3", "-"]
    assert spans("skills: 3\n") == ["3"]
    assert run("skills: {a: 1}\n")[0].effect is Effect.CHANGED

