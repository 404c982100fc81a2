from __future__ import annotations

from rulekit import Probe

CODE = "AG176"
DIALECT = "opencode-agent"
PROBE = Probe(CODE, DIALECT, head="")
doc, run, spans, fixed = PROBE.doc, PROBE.run, PROBE.spans, PROBE.fixed


def test_mode() -> None:
    assert spans("description: d\nmode: helper\n") == ["helper"]
    assert "`subagent`" in run("description: d\nmode: sub-agent\n")[0].message
    for ok in ("primary", "subagent", "all"):
        assert run(f"description: d\nmode: {ok}\n") == []

