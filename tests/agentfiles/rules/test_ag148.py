from __future__ import annotations

from rulekit import Probe

CODE = "AG148"
PROBE = Probe(CODE)
doc, run, spans, fixed = PROBE.doc, PROBE.run, PROBE.spans, PROBE.fixed


def test_bad_shapes() -> None:
    assert spans("mcpServers: {gh: {url: x}}\n") == ["{gh: {url: x}}"]
    assert spans("mcpServers:\n  - 5\n") == ["5"]
    assert spans("mcpServers:\n  - gh: 5\n") == ["5"]
    found = run("mcpServers:\n  - gh:\n      url: https://x\n")
    assert "`type: http`" in found[0].message
    assert "grpc" in run("mcpServers:\n  - gh: {type: grpc}\n")[0].message
    assert "`url`" in run("mcpServers:\n  - gh: {type: sse}\n")[0].message


def test_good() -> None:
    fm = "mcpServers:\n  - github\n  - gh: {type: ws, url: x}\n  - l: {command: npx}\n"
    assert run(fm) == []
    assert run("mcpServers: 5\n", "claude-plugin-agent") == []

