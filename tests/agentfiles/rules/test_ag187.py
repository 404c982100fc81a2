from __future__ import annotations

from rulekit import Probe

CODE = "AG187"
DIALECT = "claude-skill"
PROBE = Probe(CODE, DIALECT, head="")
doc, run, spans, fixed = PROBE.doc, PROBE.run, PROBE.spans, PROBE.fixed


def test_context_shell_agent() -> None:
    assert spans("context: forked\nshell: zsh\nagent: 5\n") == ["forked", "zsh", "5"]
    assert fixed("context: Fork\n") == doc("context: fork\n")
    assert run("context: fork\nshell: bash\nagent: Explore\n") == []

