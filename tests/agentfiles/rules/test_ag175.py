from __future__ import annotations

from rulekit import Probe

CODE = "AG175"
DIALECT = "copilot-instructions"
PROBE = Probe(CODE, DIALECT, head="")
doc, run, spans, fixed = PROBE.doc, PROBE.run, PROBE.spans, PROBE.fixed


def test_apply_to() -> None:
    assert spans("applyTo: [\"*.ts\"]\n") == ["[\"*.ts\"]"]
    assert "commas" in run("applyTo: [\"*.ts\"]\n")[0].message
    assert spans("applyTo:\n") == ["applyTo"]
    assert run("applyTo: \"**/*.ts,**/*.tsx\"\n") == []
    assert run("description: d\n") == []

