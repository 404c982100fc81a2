from __future__ import annotations

from rulekit import Probe

from agentls.model import Effect, Severity

CODE = "AG152"
PROBE = Probe(CODE)
doc, run, spans, fixed = PROBE.doc, PROBE.run, PROBE.spans, PROBE.fixed


def test_plugin_ignored_fields() -> None:
    fm = "hooks: {}\nmcpServers: [x]\npermissionMode: plan\ninitialPrompt: hi\n"
    found = run(fm, "claude-plugin-agent")
    assert spans(fm, "claude-plugin-agent") == ["hooks", "mcpServers", "permissionMode",
                                                "initialPrompt"]
    assert all(f.effect is Effect.CHANGED and f.severity is Severity.WARNING for f in found)
    assert run(fm) == []

