from __future__ import annotations

from rulekit import Probe

CODE = "AG189"
DIALECT = "claude-skill"
PROBE = Probe(CODE, DIALECT, head="")
doc, run, spans, fixed = PROBE.doc, PROBE.run, PROBE.spans, PROBE.fixed


def test_spec_keys() -> None:
    assert spans("name: a\ndescription: d\ncontext: fork\nwhen_to_use: x\n") == \
        ["context", "when_to_use"]
    assert run("name: a\ndescription: d\nlicense: MIT\nallowed-tools: Read\n") == []
    assert run("name: a\ndescription: d\nzzz: 1\n") == []  # unknown keys are AG160

