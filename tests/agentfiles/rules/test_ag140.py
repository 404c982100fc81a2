from __future__ import annotations

from rulekit import Probe

from agentls.model import Effect

CODE = "AG140"
PROBE = Probe(CODE)
doc, run, spans, fixed = PROBE.doc, PROBE.run, PROBE.spans, PROBE.fixed


def test_unknown_mode_and_case_fix() -> None:
    found = run("permissionMode: acceptedits\n")
    assert spans("permissionMode: acceptedits\n") == ["acceptedits"]
    assert found[0].effect is Effect.CHANGED and "`acceptEdits`" in found[0].message
    assert fixed("permissionMode: acceptedits\n") == doc("permissionMode: acceptEdits\n")
    assert fixed("permissionMode: yolo\n") == doc("permissionMode: yolo\n")


def test_known_modes() -> None:
    for m in ("default", "acceptEdits", "auto", "dontAsk", "bypassPermissions", "plan", "manual"):
        assert run(f"permissionMode: {m}\n") == [], m
    assert run("permissionMode: yolo\n", "claude-plugin-agent") == []  # AG152 says ignored


def test_non_string() -> None:
    assert spans("permissionMode: 3\n") == ["3"]

