from __future__ import annotations

from rulekit import Probe

from agentls.model import Effect

CODE = "AG141"
PROBE = Probe(CODE)
doc, run, spans, fixed = PROBE.doc, PROBE.run, PROBE.spans, PROBE.fixed


def test_colours() -> None:
    assert run("color: cyan\n") == []
    found = run("color: magenta\n")
    assert spans("color: magenta\n") == ["magenta"]
    assert "`purple`" in found[0].message and "no colour" in found[0].message
    assert found[0].effect is Effect.CHANGED
    assert run("color: chartreuse\n")[0].fix is None


def test_case_fix_is_safe() -> None:
    assert fixed("color: Red\n") == doc("color: red\n")
    assert fixed("color: \"Blue\"\n") == doc("color: \"blue\"\n")
    assert fixed("color: magenta\n") == doc("color: magenta\n")  # not the same colour: unsafe


def test_plugin_message() -> None:
    assert "not displayed" in run("color: Red\n", "claude-plugin-agent")[0].message

