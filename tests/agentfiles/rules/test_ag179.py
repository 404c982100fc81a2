from __future__ import annotations

from rulekit import Probe

CODE = "AG179"
DIALECT = "opencode-agent"
PROBE = Probe(CODE, DIALECT, head="")
doc, run, spans, fixed = PROBE.doc, PROBE.run, PROBE.spans, PROBE.fixed


def test_permission() -> None:
    assert spans("permission:\n  edit: no\n") == ["no"]
    fm = "permission:\n  edit: deny\n  bash:\n    \"git *\": allow\n    \"*\": maybe\n"
    assert spans(fm) == ["maybe"]
    assert spans("permission: deny\n") == ["deny"]
    assert run("permission:\n  webfetch: ask\n  task: {\"*\": deny}\n") == []

