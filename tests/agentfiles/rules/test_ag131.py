from __future__ import annotations

from rulekit import Probe

from agentls.model import Effect

CODE = "AG131"
PROBE = Probe(CODE)
doc, run, spans, fixed = PROBE.doc, PROBE.run, PROBE.spans, PROBE.fixed


def test_non_strings_and_blank() -> None:
    for fm, span in (("model: 123\n", "123"), ("model: \"\"\n", "\"\""), ("model: \"  \"\n", "\"  \""),
                     ("model: true\n", "true"), ("model: [opus]\n", "[opus]")):
        found = run(fm)
        assert spans(fm) == [span], fm
        assert found[0].effect is Effect.CHANGED and "inherit" in found[0].message


def test_fine() -> None:
    for fm in ("model:\n", "model: opus\n", ""):
        assert run(fm) == [], fm

