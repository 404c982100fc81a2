from __future__ import annotations

from rulekit import Probe

CODE = "AG182"
DIALECT = "cursor-rule"
PROBE = Probe(CODE, DIALECT, head="")
doc, run, spans, fixed = PROBE.doc, PROBE.run, PROBE.spans, PROBE.fixed


def test_globs() -> None:
    assert spans("globs: 5\n") == ["5"]
    assert spans("globs:\n  - \"*.py\"\n  - 3\n") == ["3"]
    assert run("globs: \"*.ts,*.tsx\"\n") == []
    assert run("globs:\n") == []

