from __future__ import annotations

from rulekit import Probe

from agentls.model import Severity

CODE = "AG184"
DIALECT = "cursor-rule"
PROBE = Probe(CODE, DIALECT, head="")
doc, run, spans, fixed = PROBE.doc, PROBE.run, PROBE.spans, PROBE.fixed


def test_manual() -> None:
    found = run("alwaysApply: false\n")
    assert spans("alwaysApply: false\n") == ["---"]
    assert found[0].severity is Severity.INFO
    for fm in ("globs: \"*.py\"\n", "description: d\n", "alwaysApply: true\n"):
        assert run(fm) == [], fm

