from __future__ import annotations

from rulekit import Probe

CODE = "AG183"
DIALECT = "cursor-rule"
PROBE = Probe(CODE, DIALECT, head="")
doc, run, spans, fixed = PROBE.doc, PROBE.run, PROBE.spans, PROBE.fixed


def test_always_apply() -> None:
    assert spans("alwaysApply: yes\ndescription: 5\n") == ["yes", "5"]
    assert run("alwaysApply: false\ndescription: d\n") == []

